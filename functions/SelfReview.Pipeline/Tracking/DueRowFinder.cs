using SelfReview.Contracts;

namespace SelfReview.Pipeline.Tracking;

/// <summary>
/// Reminders (整改提醒, domain.md: a week before a deadline, overdue rows highlighted): the open rows —
/// not 已完成, 已销号 or withdrawn — with a due date, overdue ones and those due within the window.
/// Rows without a date (立行立改, 长期坚持) are never reminded.
/// </summary>
public static class DueRowFinder
{
    /// <summary>The reminder window offices use: a week before the deadline.</summary>
    public const int DefaultDays = 7;

    public const int MaxDays = 366;

    public static DueRows Find(RectificationList list, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(list);
        var open = list.Rows
            .Where(r => !r.Withdrawn && !TrackingStatuses.IsCompleted(r.Status) && r.DueDate is not null)
            .Select(r => new DueRow
            {
                RowId = r.RowId,
                Number = r.Number,
                Problem = r.ProblemTitle ?? r.Problem,
                Owners = r.Owners,
                Deadline = r.Deadline,
                DueDate = r.DueDate!.Value,
                DaysLeft = r.DueDate!.Value.DayNumber - today.DayNumber,
                Status = r.Status,
            })
            .ToList();
        return new DueRows
        {
            UnitId = list.UnitId,
            MeetingDate = list.MeetingDate,
            Today = today,
            Days = days,
            Overdue = [.. open.Where(r => r.DaysLeft < 0).OrderBy(r => r.DaysLeft).ThenBy(r => r.Number)],
            DueSoon = [.. open.Where(r => r.DaysLeft >= 0 && r.DaysLeft <= days).OrderBy(r => r.DaysLeft).ThenBy(r => r.Number)],
        };
    }
}
