using System.Text.Json;
using SelfReview.Contracts;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Pipeline.Tracking;

/// <summary>
/// The tracking documents of a unit over the store (<c>tracking/{unitId}/…</c>): the row registry
/// <c>rows.json</c>, one document per tracked row <c>rows/{rowId}.json</c>, evidence files
/// <c>evidence/{rowId}/{name}</c>. Every document write is conditional on the entity tag read before it
/// (If-None-Match: * when new), so of two concurrent writers one learns that it lost.
/// </summary>
public sealed class TrackingStore(IStatementStore store)
{
    public const string RegistryName = "rows.json";
    public const string RowsFolder = "rows";
    public const string EvidenceFolder = "evidence";

    public async Task<(RowRegistry? Registry, string? ETag)> GetRegistryAsync(string unitId, CancellationToken cancellationToken = default)
    {
        var file = await store.GetTrackingAsync(unitId, RegistryName, cancellationToken);
        return file is null ? (null, null) : (SelfReviewJson.Deserialize(file.Content, SelfReviewJson.RowRegistry), file.ETag);
    }

    /// <summary>Writes the registry if it is still the version read (<paramref name="eTag"/>, null: none yet). Null when it changed meanwhile.</summary>
    public Task<string?> PutRegistryAsync(RowRegistry registry, string? eTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return store.PutTrackingAsync(registry.UnitId, RegistryName, "application/json", SelfReviewJson.Serialize(registry, SelfReviewJson.RowRegistry), WriteCondition.Expecting(eTag), cancellationToken);
    }

    public async Task<(RowTracking? Tracking, string? ETag)> GetRowAsync(string unitId, string rowId, CancellationToken cancellationToken = default)
    {
        var file = await store.GetTrackingAsync(unitId, RowName(rowId), cancellationToken);
        return file is null ? (null, null) : (SelfReviewJson.Deserialize(file.Content, SelfReviewJson.RowTracking), file.ETag);
    }

    /// <summary>Writes a row's tracking if it is still the version read (<paramref name="eTag"/>, null: none yet). Null when it changed meanwhile.</summary>
    public Task<string?> PutRowAsync(RowTracking tracking, string? eTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        return store.PutTrackingAsync(tracking.UnitId, RowName(tracking.RowId), "application/json", SelfReviewJson.Serialize(tracking, SelfReviewJson.RowTracking), WriteCondition.Expecting(eTag), cancellationToken);
    }

    /// <summary>Every tracked row of the unit, by row id (an unreadable document is skipped, never fatal to the list).</summary>
    public async Task<IReadOnlyDictionary<string, (RowTracking Tracking, string ETag)>> GetRowsAsync(string unitId, CancellationToken cancellationToken = default)
    {
        var entries = await store.ListTrackingAsync(unitId, RowsFolder, cancellationToken);
        var files = await Task.WhenAll(entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).Select(e => store.GetTrackingAsync(unitId, RowsFolder + "/" + e.Name, cancellationToken)));
        var rows = new Dictionary<string, (RowTracking, string)>(StringComparer.Ordinal);
        foreach (var file in files.OfType<StoredFile>())
        {
            try
            {
                var tracking = SelfReviewJson.Deserialize(file.Content, SelfReviewJson.RowTracking);
                rows[tracking.RowId] = (tracking, file.ETag);
            }
            catch (JsonException)
            {
                // A document edited by hand into something unreadable: the row shows untracked rather than the list failing.
            }
        }

        return rows;
    }

    /// <summary>Stores an evidence file unless one of that name exists. Null when it exists.</summary>
    public Task<string?> PutEvidenceAsync(string unitId, string rowId, string fileName, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        store.PutTrackingAsync(unitId, EvidenceName(rowId, fileName), mediaType, content, WriteCondition.IfNoneExists, cancellationToken);

    public Task<StoredFile?> GetEvidenceAsync(string unitId, string rowId, string fileName, CancellationToken cancellationToken = default) =>
        store.GetTrackingAsync(unitId, EvidenceName(rowId, fileName), cancellationToken);

    private static string RowName(string rowId) => RowIdentity.IsValid(rowId) ? RowsFolder + "/" + rowId + ".json" : throw new ArgumentException("not a row id", nameof(rowId));

    private static string EvidenceName(string rowId, string fileName) => RowIdentity.IsValid(rowId) ? EvidenceFolder + "/" + rowId + "/" + fileName : throw new ArgumentException("not a row id", nameof(rowId));
}
