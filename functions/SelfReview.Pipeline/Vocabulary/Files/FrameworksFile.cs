namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>frameworks.json: the official frameworks of each year.</summary>
public sealed record FrameworksFile(
    IReadOnlyList<FrameworkEntry> Frameworks,
    string? Comment = null);
