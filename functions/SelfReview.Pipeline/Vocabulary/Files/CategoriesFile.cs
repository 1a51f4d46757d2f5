namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>categories.json: the category lexicons and the aspect hints.</summary>
public sealed record CategoriesFile(
    IReadOnlyList<CategoryEntry> Categories,
    IReadOnlyDictionary<string, string> AspectHints,
    double AspectWeight,
    string? Comment = null);
