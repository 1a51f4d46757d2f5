namespace SelfReview.Pipeline.Parsing;

/// <summary>Where an item that runs inside a paragraph begins, and its enumerator.</summary>
public sealed record InlineCut(int Position, Enumerator Enumerator);
