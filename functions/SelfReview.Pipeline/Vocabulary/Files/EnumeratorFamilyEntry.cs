namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>One enumerator family.</summary>
public sealed record EnumeratorFamilyEntry(
    string Id,
    int Rank,
    string Pattern,
    bool Inline);
