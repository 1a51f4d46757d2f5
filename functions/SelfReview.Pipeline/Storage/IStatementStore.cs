using SelfReview.Contracts;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// The storage seam: the layout of architecture.md over Blob Storage in Azure or a folder tree on one
/// machine, with the same names. <c>statements/{unitId}/{fileName}</c> holds uploads as they came,
/// <c>records/{unitId}/{statementId}.json</c> one record per upload, <c>reports/{unitId}/{name}</c>
/// the unit's derived reports. Every write returns the new entity tag; conditional writes return
/// null when their condition does not hold, so concurrent writers can tell that they lost.
/// Missing things are null (never an exception); infrastructure failures throw, so a trigger retries.
/// </summary>
public interface IStatementStore
{
    /// <summary>The units that have uploads or records, by id, sorted.</summary>
    Task<IReadOnlyList<string>> ListUnitsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores an upload unless one of that name exists (uploads are never modified). Null when it exists.</summary>
    Task<string?> PutUploadAsync(string unitId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The upload as it came, or null.</summary>
    Task<StoredFile?> GetUploadAsync(string unitId, string fileName, CancellationToken cancellationToken = default);

    /// <summary>The unit's uploads (name = file name), each with the SHA-256 of its bytes when known.</summary>
    Task<IReadOnlyList<StoreEntry>> ListUploadsAsync(string unitId, CancellationToken cancellationToken = default);

    /// <summary>Writes (or replaces) the record at <c>records/{unitId}/{statementId}.json</c>.</summary>
    Task<string> PutRecordAsync(StatementRecord record, CancellationToken cancellationToken = default);

    /// <summary>The record, or null.</summary>
    Task<StoredRecord?> GetRecordAsync(string unitId, string statementId, CancellationToken cancellationToken = default);

    /// <summary>The unit's records (name = statement id) with their entity tags.</summary>
    Task<IReadOnlyList<StoreEntry>> ListRecordsAsync(string unitId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the unit's records, without reading them (a listing of names).</summary>
    Task<IReadOnlyList<string>> ListRecordIdsAsync(string unitId, CancellationToken cancellationToken = default);

    /// <summary>The unit's status index (<c>records/{unitId}/_index/status.json</c>, outside the record listing), or null.</summary>
    Task<StoredFile?> GetStatusIndexAsync(string unitId, CancellationToken cancellationToken = default);

    /// <summary>Writes the unit's status index under <paramref name="condition"/>. Null when the condition does not hold.</summary>
    Task<string?> PutStatusIndexAsync(string unitId, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>Writes a report file under <paramref name="condition"/>. Null when the condition does not hold.</summary>
    Task<string?> PutReportAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>The report file, or null.</summary>
    Task<StoredFile?> GetReportAsync(string unitId, string name, CancellationToken cancellationToken = default);

    /// <summary>The unit's report files (name = file name) with their entity tags.</summary>
    Task<IReadOnlyList<StoreEntry>> ListReportsAsync(string unitId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a tracking document or file at <c>tracking/{unitId}/{name}</c> (name: up to three '/'-separated
    /// segments, e.g. <c>rows/{rowId}.json</c>) under <paramref name="condition"/>. Null when the condition does not hold.
    /// </summary>
    Task<string?> PutTrackingAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>The tracking document or file, or null.</summary>
    Task<StoredFile?> GetTrackingAsync(string unitId, string name, CancellationToken cancellationToken = default);

    /// <summary>The tracking files directly under <c>tracking/{unitId}/{folder}/</c> (name = the last segment).</summary>
    Task<IReadOnlyList<StoreEntry>> ListTrackingAsync(string unitId, string folder, CancellationToken cancellationToken = default);
}
