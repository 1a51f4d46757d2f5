using System.ComponentModel.DataAnnotations;

namespace SelfReview.Pipeline.Storage;

/// <summary>What an upload may be. Bound to the <c>Upload</c> configuration section.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Upload";

    /// <summary>The largest upload in bytes (20 MB: a long scanned statement is a few MB).</summary>
    [Range(1, 200L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}
