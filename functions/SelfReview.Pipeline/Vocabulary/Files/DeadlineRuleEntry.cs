namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>One deadline expression.</summary>
public sealed record DeadlineRuleEntry(
    string Kind,
    string Rule,
    string Pattern);
