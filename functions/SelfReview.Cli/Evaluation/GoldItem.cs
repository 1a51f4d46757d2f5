namespace SelfReview.Cli.Evaluation;

/// <summary>One gold item.</summary>
public sealed record GoldItem(string? Aspect, string? Title, string FirstChars, string? Category, string? Deadline);
