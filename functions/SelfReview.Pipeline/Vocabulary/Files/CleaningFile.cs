namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>cleaning.json: web leftovers and placeholders.</summary>
public sealed record CleaningFile(
    IReadOnlyList<string> InlineLeftovers,
    IReadOnlyList<string> LeftoverLines,
    IReadOnlyList<string> Placeholders,
    string? Comment = null);
