namespace SelfReview.Contracts;

/// <summary>Reminders (整改提醒): the open rows due within <see cref="Days"/> days and the overdue ones.</summary>
public sealed record DueRows
{
    public required string UnitId { get; init; }

    /// <summary>The meeting date, when the office gave it.</summary>
    public DateOnly? MeetingDate { get; init; }

    /// <summary>The day the reminders were computed for.</summary>
    public required DateOnly Today { get; init; }

    public required int Days { get; init; }

    /// <summary>Open rows whose due date has passed (超期), most overdue first.</summary>
    public IReadOnlyList<DueRow> Overdue { get; init; } = [];

    /// <summary>Open rows due today or within <see cref="Days"/> days (临期), soonest first.</summary>
    public IReadOnlyList<DueRow> DueSoon { get; init; } = [];
}

/// <summary>One reminded row.</summary>
public sealed record DueRow
{
    public required string RowId { get; init; }

    public required int Number { get; init; }

    public required string Problem { get; init; }

    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>整改时限 as printed.</summary>
    public required string Deadline { get; init; }

    public required DateOnly DueDate { get; init; }

    /// <summary>Days until the due date (negative when overdue).</summary>
    public required int DaysLeft { get; init; }

    public required string Status { get; init; }
}
