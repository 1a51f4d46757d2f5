namespace SelfReview.Contracts;

/// <summary>A problem's place in the canonical taxonomy.</summary>
/// <param name="Code">The category.</param>
/// <param name="Label">Its Chinese label.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Evidence">The terms that decided it.</param>
public sealed record Category(CategoryCode Code, string Label, double Confidence, IReadOnlyList<string> Evidence);
