using System.Text.RegularExpressions;

namespace SelfReview.Pipeline.Vocabulary;

/// <summary>An enumerator family ("一是", "（一）", "1." …).</summary>
public sealed record EnumeratorFamily(string Id, int Rank, Regex Pattern, bool Inline);
