namespace SelfReview.Pipeline.Parsing;

/// <summary>An enumerator found at the start of a line or segment.</summary>
/// <param name="Family">The family id ("cn-shi" for 一是, "cn-paren" for （一）…).</param>
/// <param name="Rank">The family's usual nesting depth.</param>
/// <param name="Ordinal">1 for 一/1/①/首先 …; 0 when unknown.</param>
/// <param name="Length">Characters the enumerator takes, with its trailing punctuation.</param>
/// <param name="Label">The enumerator as written, trimmed.</param>
public sealed record Enumerator(string Family, int Rank, int Ordinal, int Length, string Label);
