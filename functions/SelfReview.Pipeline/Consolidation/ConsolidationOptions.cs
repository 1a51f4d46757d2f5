using System.ComponentModel.DataAnnotations;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>How a unit is consolidated. Bound to the <c>Consolidation</c> configuration section.</summary>
public sealed class ConsolidationOptions
{
    public const string SectionName = "Consolidation";

    /// <summary>The unit's display name for list titles; the unit id when not set.</summary>
    public string? UnitName { get; set; }

    /// <summary>The meeting date; rows without a deadline of their own get this plus <see cref="DefaultDeadlineMonths"/>.</summary>
    public DateOnly? MeetingDate { get; set; }

    /// <summary>Months after the meeting for the unit default deadline.</summary>
    [Range(1, 24)]
    public int DefaultDeadlineMonths { get; set; } = 3;

    /// <summary>Two problems of different members at or above this similarity are one common problem (共性问题).</summary>
    public double CommonProblemThreshold { get; set; } = 0.42;

    /// <summary>回头看: a row at or above this similarity to a row of last year's list is marked as listed last year.</summary>
    [Range(0.1, 1.0)]
    public double RecurringProblemThreshold { get; set; } = 0.5;

    /// <summary>A sentence of at least this many characters found in two members' statements is copied text.</summary>
    public int CopiedSentenceMinLength { get; set; } = 24;

    /// <summary>
    /// Seconds a request to consolidate a unit stays invisible on its queue, so that a burst of uploads
    /// is consolidated once (the Functions app; the CLI consolidates once per batch anyway).
    /// </summary>
    [Range(0, 3600)]
    public int DelaySeconds { get; set; } = 30;
}
