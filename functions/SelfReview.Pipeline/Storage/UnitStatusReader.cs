using SelfReview.Contracts;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// A unit's uploads with their status — pending until the record exists, then accepted, rejected or
/// failed (with the reason). Uploads are matched to records by the SHA-256 of their bytes, or by file
/// name for files put into the container without it; a record whose upload is gone still counts.
/// </summary>
public sealed class UnitStatusReader(IStatementStore store, UnitStatusIndexer index)
{
    /// <summary>Two listings and the unit's status index (<see cref="UnitStatusIndexer.ReadAsync"/>): no record is read.</summary>
    public async Task<IReadOnlyList<UploadState>> ReadAsync(string unitId, CancellationToken cancellationToken = default)
    {
        var uploads = await store.ListUploadsAsync(unitId, cancellationToken);
        var records = await index.ReadAsync(unitId, cancellationToken);
        var byId = records.ToDictionary(r => r.StatementId, StringComparer.Ordinal);
        var byName = records.GroupBy(r => r.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var items = new List<UploadState>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var upload in uploads)
        {
            var record = upload.Sha256 is { } sha ? byId.GetValueOrDefault(sha) : byName.GetValueOrDefault(upload.Name);
            if (record is not null)
            {
                matched.Add(record.StatementId);
            }

            items.Add(new UploadState(upload.Name, upload.Sha256 ?? record?.StatementId, StatusOf(record?.Status), record?.Reason, upload.Size, upload.LastModified, record?.Problems));
        }

        items.AddRange(records.Where(r => !matched.Contains(r.StatementId)).Select(r =>
            new UploadState(r.FileName, r.StatementId, StatusOf(r.Status), r.Reason, r.Size, null, r.Problems)));
        items.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return items;
    }

    public async Task<StatementLookup> FindAsync(string unitId, string statementId, CancellationToken cancellationToken = default)
    {
        if (await store.GetRecordAsync(unitId, statementId, cancellationToken) is { } stored)
        {
            return new StatementLookup.Recorded(stored);
        }

        var uploads = await store.ListUploadsAsync(unitId, cancellationToken);
        return uploads.FirstOrDefault(u => u.Sha256 == statementId) is { } upload
            ? new StatementLookup.Pending(upload.Name)
            : new StatementLookup.Missing();
    }

    /// <summary>The uploads of every unit that have no record yet: what a restarted host still has to ingest.</summary>
    public async Task<IReadOnlyList<(string UnitId, string FileName)>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var pending = new List<(string, string)>();
        foreach (var unitId in await store.ListUnitsAsync(cancellationToken))
        {
            pending.AddRange((await ReadAsync(unitId, cancellationToken)).Where(u => u.Status == UploadStatus.Pending).Select(u => (unitId, u.FileName)));
        }

        return pending;
    }

    public static UploadStatus StatusOf(StatementRecord? record) => StatusOf(record?.Status);

    public static UploadStatus StatusOf(RecordStatus? status) => status switch
    {
        null => UploadStatus.Pending,
        RecordStatus.Accepted => UploadStatus.Accepted,
        RecordStatus.Rejected => UploadStatus.Rejected,
        _ => UploadStatus.Failed,
    };
}
