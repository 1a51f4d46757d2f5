namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>enumerators.json: the enumerator families and the ordinals of sequence words.</summary>
public sealed record EnumeratorsFile(
    IReadOnlyList<EnumeratorFamilyEntry> Families,
    IReadOnlyDictionary<string, int> SequenceWords,
    IReadOnlyList<IReadOnlyList<string>> Siblings,
    InlineRulesEntry Inline,
    string? Comment = null);
