using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Tests.Parsing;

/// <summary>Cleaned lines from plain strings, for unit tests of the parser's parts.</summary>
internal static class LineList
{
    public static IReadOnlyList<Line> Of(params string[] lines) =>
        [.. lines.Select(l => new Line(l, null, null, DomainVocabulary.Default.ToSimplified(l)))];
}
