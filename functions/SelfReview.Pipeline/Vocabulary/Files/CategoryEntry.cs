namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>One category and its weighted terms.</summary>
public sealed record CategoryEntry(
    string Code,
    IReadOnlyDictionary<string, double> Terms);
