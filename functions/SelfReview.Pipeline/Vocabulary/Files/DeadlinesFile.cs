namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>deadlines.json: deadline expressions, tried in order.</summary>
public sealed record DeadlinesFile(
    IReadOnlyList<DeadlineRuleEntry> Rules,
    string ProblemLabels,
    string? Comment = null);
