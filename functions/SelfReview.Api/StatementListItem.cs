using SelfReview.Pipeline.Storage;

namespace SelfReview.Api;

/// <summary>One upload of a unit with its status.</summary>
/// <param name="FileName">The upload's file name.</param>
/// <param name="StatementId">SHA-256 of its bytes, when known.</param>
/// <param name="Status">Pending until the record exists, then the record's status.</param>
/// <param name="Reason">Why it was rejected or failed.</param>
/// <param name="Size">Bytes.</param>
/// <param name="UploadedAt">When the upload was stored; null for a record whose upload is gone.</param>
/// <param name="Problems">Problems found, for accepted statements.</param>
/// <param name="Location">Where its record is (or will be).</param>
public sealed record StatementListItem(
    string FileName,
    string? StatementId,
    UploadStatus Status,
    string? Reason,
    long Size,
    DateTimeOffset? UploadedAt,
    int? Problems,
    string? Location);
