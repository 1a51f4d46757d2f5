namespace SelfReview.Pipeline.Storage;

/// <summary>What became of an upload (<see cref="StatementUploader"/>): one case per outcome, each with what its caller needs.</summary>
public abstract record UploadResult
{
    private UploadResult()
    {
    }

    /// <summary>Stored as <c>statements/{unitId}/{fileName}</c>; ingestion was asked for.</summary>
    public sealed record Stored(string StatementId, string FileName) : UploadResult;

    /// <summary>The same bytes were already stored under that name: nothing changed (a repeated upload is fine).</summary>
    public sealed record SameFile(string StatementId, string FileName) : UploadResult;

    /// <summary>Another file already has that name; uploads are never overwritten.</summary>
    public sealed record NameTaken(string FileName) : UploadResult;

    /// <summary>Longer than <see cref="UploadOptions.MaxBytes"/>; nothing was stored.</summary>
    public sealed record TooLarge(long MaxBytes) : UploadResult;

    /// <summary>No bytes.</summary>
    public sealed record Empty : UploadResult;

    /// <summary>The unit id breaks the layout's rules (the reason in Chinese).</summary>
    public sealed record InvalidUnitId(string Reason) : UploadResult;

    /// <summary>The file name breaks the layout's rules (the reason in Chinese).</summary>
    public sealed record InvalidFileName(string Reason) : UploadResult;
}
