using SelfReview.Contracts;

namespace SelfReview.Pipeline.Storage;

/// <summary>What the status listing needs of one record: a line of the unit's status index.</summary>
/// <param name="StatementId">SHA-256 of the upload's bytes (the record's name).</param>
/// <param name="FileName">The upload's file name as recorded.</param>
/// <param name="Status">The record's status.</param>
/// <param name="Reason">Why it was rejected or failed.</param>
/// <param name="Size">Bytes of the upload.</param>
/// <param name="Problems">Problems found, for accepted statements.</param>
public sealed record StatusIndexEntry(string StatementId, string FileName, RecordStatus Status, string? Reason, long Size, int? Problems)
{
    public static StatusIndexEntry Of(StatementRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.StatementId, record.Source.FileName, record.Status, record.Rejection?.Message, record.Source.Size, record.Summary?.Problems);
    }
}
