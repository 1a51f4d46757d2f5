namespace SelfReview.Contracts;

/// <summary>What was uploaded and how its text was obtained.</summary>
public sealed record SourceInfo
{
    public required string FileName { get; init; }

    /// <summary>The media type detected from the bytes (never from the extension).</summary>
    public required string MediaType { get; init; }

    public required long Size { get; init; }

    public required string Sha256 { get; init; }

    public TextOrigin TextOrigin { get; init; }

    /// <summary>Pages read, for paged formats.</summary>
    public int? Pages { get; init; }

    /// <summary>Characters of text obtained, after cleaning.</summary>
    public int Characters { get; init; }
}
