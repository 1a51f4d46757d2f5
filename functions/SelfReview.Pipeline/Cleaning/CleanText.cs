using SelfReview.Contracts;

namespace SelfReview.Pipeline.Cleaning;

/// <summary>The cleaned lines of a document, and what cleaning found.</summary>
/// <param name="Lines">Lines in order; soft line breaks of a paragraph become lines of their own.</param>
/// <param name="Flags">Web leftovers and placeholders found (material-review flags).</param>
public sealed record CleanText(IReadOnlyList<Line> Lines, IReadOnlyList<QualityFlag> Flags);
