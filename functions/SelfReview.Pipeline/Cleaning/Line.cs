namespace SelfReview.Pipeline.Cleaning;

/// <summary>One cleaned line.</summary>
/// <param name="Text">The text as written, leftovers removed.</param>
/// <param name="AutoLabel">An enumerator that came from the format (Word numbering), not from the text.</param>
/// <param name="HeadingLevel">A heading hint from the format, if any.</param>
/// <param name="Match">The text with traditional characters mapped to simplified, for matching only.</param>
public sealed record Line(string Text, string? AutoLabel, int? HeadingLevel, string Match);
