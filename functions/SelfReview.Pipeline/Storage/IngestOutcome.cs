using SelfReview.Contracts;

namespace SelfReview.Pipeline.Storage;

/// <summary>What ingesting one upload did, and the record it ended in (null when the upload is gone).</summary>
public sealed record IngestOutcome(IngestResult Result, StatementRecord? Record);
