namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>One section kind and the heading patterns that name it.</summary>
public sealed record SectionKindEntry(
    string Kind,
    IReadOnlyList<string> Patterns);
