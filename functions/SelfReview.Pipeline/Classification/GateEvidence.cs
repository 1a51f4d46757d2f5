using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Classification;

/// <summary>What the gate weighed.</summary>
/// <param name="StatementScore">Evidence that the text is a statement.</param>
/// <param name="Genre">The other genre with the most evidence, if any.</param>
/// <param name="GenreScore">Its evidence.</param>
/// <param name="Items">Problems, causes and measures found.</param>
/// <param name="Confidence">How sure the gate is that the text is a statement (0–1).</param>
/// <param name="Found">The cues that fired (patterns), the other genre's first.</param>
public sealed record GateEvidence(double StatementScore, Genre? Genre, double GenreScore, int Items, double Confidence, IReadOnlyList<string> Found);
