using SelfReview.Contracts;

namespace SelfReview.Pipeline.Tracking;

/// <summary>
/// 整改完成率 (reported upward): completed rows (已完成 or 已销号) over the rows of the unit, of each
/// owner (a common row counts for each of its owners) and of each category. Withdrawn rows do not count.
/// </summary>
public static class CompletionCalculator
{
    public static CompletionRates Compute(RectificationList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var rows = list.Rows.Where(r => !r.Withdrawn).ToList();
        return new CompletionRates
        {
            UnitId = list.UnitId,
            Unit = Rate(list.UnitName ?? list.UnitId, rows),
            ByMember = [.. rows.SelectMany(r => r.Owners.Select(o => (Owner: o, Row: r))).GroupBy(x => x.Owner, StringComparer.Ordinal).Select(g => Rate(g.Key, [.. g.Select(x => x.Row)]))],
            ByCategory = [.. rows.GroupBy(r => r.Category).OrderBy(g => g.Key).Select(g => Rate(g.First().CategoryLabel, [.. g]))],
        };
    }

    private static CompletionRate Rate(string name, List<RectificationRow> rows)
    {
        var completed = rows.Count(r => TrackingStatuses.IsCompleted(r.Status));
        return new CompletionRate
        {
            Name = name,
            Rows = rows.Count,
            Completed = completed,
            SignedOff = rows.Count(r => r.Status == TrackingStatuses.SignedOff),
            Percent = rows.Count == 0 ? 0 : Math.Round(completed * 100.0 / rows.Count, 1, MidpointRounding.AwayFromZero),
        };
    }
}
