namespace SelfReview.Contracts;

/// <summary>A measure's deadline.</summary>
/// <param name="Text">As written (2024年6月底前, 立行立改).</param>
/// <param name="DueDate">The date it names, if it names one.</param>
/// <param name="Kind">What kind of deadline it is.</param>
public sealed record Deadline(string Text, DateOnly? DueDate, DeadlineKind Kind);
