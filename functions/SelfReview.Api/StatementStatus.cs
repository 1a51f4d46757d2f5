using SelfReview.Pipeline.Storage;

namespace SelfReview.Api;

/// <summary>An upload that was taken (202): its id, where to poll for the record, its status.</summary>
public sealed record StatementStatus(string StatementId, string UnitId, string FileName, UploadStatus Status, string Location);
