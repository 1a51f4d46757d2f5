namespace SelfReview.Cli.Serving;

/// <summary>An upload waiting on the in-process queue: stored already, not yet ingested.</summary>
public sealed record PendingUpload(string UnitId, string FileName);
