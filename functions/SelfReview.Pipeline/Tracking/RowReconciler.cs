using SelfReview.Contracts;

namespace SelfReview.Pipeline.Tracking;

/// <summary>
/// Gives a freshly computed list the identities and 序号 its rows had before (<see cref="RowRegistry"/>),
/// so tracking data stays attached when the unit is consolidated again:
/// <list type="number">
/// <item>a row with the same problem items keeps its row (same id);</item>
/// <item>else a row sharing problem items with an earlier row takes that row, most shared items first
/// (a common problem that gained or lost a member, a statement split differently);</item>
/// <item>else a row with the same problem title and an owner in common takes it (a new engine version
/// that numbers the items differently, a member's re-uploaded edited statement);</item>
/// <item>what is left is new and is appended after the highest 序号 ever given; earlier rows left
/// unmatched stay in the list as withdrawn (已撤销), never deleted.</item>
/// </list>
/// Deterministic: the same list and registry give the same result.
/// </summary>
public static class RowReconciler
{
    public static (RectificationList List, RowRegistry Registry) Reconcile(RectificationList computed, RowRegistry? registry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(computed);
        var previous = registry?.Rows ?? [];
        var rows = computed.Rows.Select(r => string.IsNullOrEmpty(r.RowId) ? r with { RowId = RowIdentity.Of(r.Problems) } : r).ToList();
        var match = new RegisteredRow?[rows.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);

        var byId = previous.ToDictionary(p => p.RowId, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (byId.TryGetValue(rows[i].RowId, out var same) && used.Add(same.RowId))
            {
                match[i] = same;
            }
        }

        var overlaps = new List<(int Shared, int Number, int Index, RegisteredRow Previous)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (match[i] is not null)
            {
                continue;
            }

            var refs = rows[i].Problems.ToHashSet();
            foreach (var p in previous.Where(p => !used.Contains(p.RowId)))
            {
                var shared = p.Row.Problems.Count(refs.Contains);
                if (shared > 0)
                {
                    overlaps.Add((shared, p.Number, i, p));
                }
            }
        }

        foreach (var (_, _, index, p) in overlaps.OrderByDescending(o => o.Shared).ThenBy(o => o.Number).ThenBy(o => o.Index))
        {
            if (match[index] is null && !used.Contains(p.RowId))
            {
                match[index] = p;
                used.Add(p.RowId);
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (match[i] is null && previous.FirstOrDefault(p => !used.Contains(p.RowId) && SameTitle(p.Row, rows[i])) is { } titled)
            {
                match[i] = titled;
                used.Add(titled.RowId);
            }
        }

        var next = previous.Select(p => p.Number).DefaultIfEmpty(0).Max() + 1;
        var entries = new List<RegisteredRow>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = match[i] is { } p ? rows[i] with { RowId = p.RowId, Number = p.Number } : rows[i] with { Number = next++ };
            entries.Add(new RegisteredRow { RowId = row.RowId, Number = row.Number, Row = row });
        }

        entries.AddRange(previous.Where(p => !used.Contains(p.RowId)).Select(p => p with { WithdrawnAt = p.WithdrawnAt ?? now }));
        entries.Sort((a, b) => a.Number.CompareTo(b.Number));
        var list = computed with
        {
            Rows = [.. entries.Select(e => e.WithdrawnAt is null ? e.Row : e.Row with { Withdrawn = true, Status = TrackingStatuses.Withdrawn })],
        };
        return (list, new RowRegistry { UnitId = computed.UnitId, Rows = entries });
    }

    private static bool SameTitle(RectificationRow before, RectificationRow now) =>
        before.ProblemTitle is { Length: > 0 } title
        && string.Equals(title, now.ProblemTitle, StringComparison.Ordinal)
        && before.Owners.Intersect(now.Owners, StringComparer.Ordinal).Any();
}
