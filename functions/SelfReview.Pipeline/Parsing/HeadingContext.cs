using SelfReview.Contracts;

namespace SelfReview.Pipeline.Parsing;

/// <summary>Where a candidate heading stands: the open section, if any, and the family of the statement's section headings.</summary>
/// <param name="CurrentKind">The open section's kind, or null before any section.</param>
/// <param name="CurrentHeadingFamily">The enumerator family of the open section's heading, or null when it has none.</param>
/// <param name="CurrentIsEmpty">Whether the open section has no content yet.</param>
/// <param name="SectionFamily">The family of the first numbered section heading, once seen.</param>
public sealed record HeadingContext(SectionKind? CurrentKind, string? CurrentHeadingFamily, bool CurrentIsEmpty, string? SectionFamily)
{
    public static HeadingContext Start { get; } = new(null, null, true, null);
}
