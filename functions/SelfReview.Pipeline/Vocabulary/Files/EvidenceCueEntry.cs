namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>One piece of evidence: a pattern, its weight per occurrence, how many occurrences count, and where it is looked for (title, text, line, opening).</summary>
public sealed record EvidenceCueEntry(
    string Pattern,
    double Weight,
    int Max = 1,
    string Scope = "text");
