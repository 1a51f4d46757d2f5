namespace SelfReview.Pipeline.Storage;

/// <summary>What ingesting one upload did.</summary>
public enum IngestResult
{
    /// <summary>The upload was processed and its record written.</summary>
    Recorded,

    /// <summary>The same bytes already had a record: nothing was written.</summary>
    AlreadyRecorded,

    /// <summary>The upload no longer exists.</summary>
    UploadMissing,
}
