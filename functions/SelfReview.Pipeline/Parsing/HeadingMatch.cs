using SelfReview.Contracts;

namespace SelfReview.Pipeline.Parsing;

/// <summary>A section heading: its kind, its text, and the text after it in the same paragraph.</summary>
public sealed record HeadingMatch(SectionKind Kind, string Text, string Remainder, string RemainderMatch);
