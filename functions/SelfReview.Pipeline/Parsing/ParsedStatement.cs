using SelfReview.Contracts;

namespace SelfReview.Pipeline.Parsing;

/// <summary>What the parser found: the statement's parts, before classification.</summary>
public sealed record ParsedStatement
{
    public string? Title { get; init; }
    public Person? Author { get; init; }
    public int? MeetingYear { get; init; }

    /// <summary>The meeting date when the statement writes it (relative deadlines such as 3个月内 count from it).</summary>
    public DateOnly? MeetingDate { get; init; }
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>The text the parser saw, in the match form (simplified), for signals.</summary>
    public required string MatchText { get; init; }

    /// <summary>Lines the parser could not place anywhere (kept for diagnostics).</summary>
    public int UnplacedLines { get; init; }

    public IEnumerable<StatementItem> ItemsOf(SectionKind kind) => Sections.Where(s => s.Kind == kind).SelectMany(s => s.Items);
}
