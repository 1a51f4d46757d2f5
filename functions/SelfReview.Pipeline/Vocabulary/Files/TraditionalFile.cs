namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>traditional.json: traditional characters paired with their simplified forms.</summary>
public sealed record TraditionalFile(
    string Map,
    string? Comment = null);
