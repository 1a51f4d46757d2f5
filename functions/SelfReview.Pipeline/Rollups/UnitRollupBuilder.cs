using System.Globalization;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Pipeline.Rollups;

/// <summary>
/// Adds up the units below a parent from their summaries and tracking summaries: statements, members,
/// problems by category, rows, completed, signed-off and overdue rows with the completion rates, and the
/// problems several units share. Nothing here reads a record: a unit's list is in its summary as one
/// title per row (<see cref="UnitSummary.ProblemTitles"/>), and its tracking as one status per row.
/// </summary>
public sealed class UnitRollupBuilder(ConsolidationOptions options)
{
    public UnitRollup Build(string parentId, IReadOnlyList<RollupSource> units, IReadOnlyList<string> cycles, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(cycles);
        var summaries = units.Select(u => u.Summary).OfType<UnitFigures>().ToList();
        var rows = units.SelectMany(u => u.Tracking?.Rows ?? []).Where(r => !r.Withdrawn).ToList();
        var codes = Enum.GetValues<CategoryCode>();
        return new UnitRollup
        {
            ParentId = parentId,
            Today = today,
            Units = [.. units.Select(u => Line(u, today))],
            UnitsWithoutSummary = units.Count(u => u.Summary is null),
            Statements = summaries.Sum(s => s.Statements),
            Accepted = summaries.Sum(s => s.Accepted),
            Rejected = summaries.Sum(s => s.Rejected),
            Failed = summaries.Sum(s => s.Failed),
            Members = summaries.Sum(s => s.Members),
            Problems = summaries.Sum(s => s.Problems),
            Causes = summaries.Sum(s => s.Causes),
            Measures = summaries.Sum(s => s.Measures),
            CommonProblems = summaries.Sum(s => s.CommonProblems),
            ProblemsByCategory = codes.ToDictionary(CategoryLabels.CodeOf, c => ProblemsOf(summaries, c)),
            Tracking = Tracking(rows, today),
            ByCategory = [.. codes.Select(c => new RollupCategory
            {
                Category = c,
                CategoryLabel = CategoryLabels.Of(c),
                Problems = ProblemsOf(summaries, c),
                Tracking = Tracking([.. rows.Where(r => r.Category == c)], today),
            })],
            CrossUnitProblems = CrossUnit(units),
            Cycles = cycles,
        };
    }

    /// <summary>Rows not withdrawn: completed (已完成, 已销号), signed off, and overdue (open with a due date before today).</summary>
    public static RollupTracking Tracking(IReadOnlyList<TrackedRowStatus> rows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var open = rows.Where(r => !r.Withdrawn).ToList();
        var completed = open.Count(r => TrackingStatuses.IsCompleted(r.Status));
        return new RollupTracking
        {
            Rows = open.Count,
            Completed = completed,
            SignedOff = open.Count(r => r.Status == TrackingStatuses.SignedOff),
            Overdue = open.Count(r => !TrackingStatuses.IsCompleted(r.Status) && r.DueDate is { } due && due < today),
            Percent = open.Count == 0 ? 0 : Math.Round(completed * 100.0 / open.Count, 1, MidpointRounding.AwayFromZero),
        };
    }

    private static int ProblemsOf(List<UnitFigures> summaries, CategoryCode code) =>
        summaries.Sum(s => s.ProblemsByCategory.GetValueOrDefault(CategoryLabels.CodeOf(code)));

    private static RollupUnit Line(RollupSource unit, DateOnly today) => new()
    {
        UnitId = unit.Node.UnitId,
        UnitName = unit.Summary?.UnitName,
        Parent = unit.Node.Parent,
        Depth = unit.Node.Depth,
        HasSummary = unit.Summary is not null,
        Statements = unit.Summary?.Statements ?? 0,
        Accepted = unit.Summary?.Accepted ?? 0,
        Problems = unit.Summary?.Problems ?? 0,
        CommonProblems = unit.Summary?.CommonProblems ?? 0,
        Tracking = Tracking(unit.Tracking?.Rows ?? [], today),
    };

    /// <summary>
    /// Problems of several units. Titles written word for word alike are one wording, held by every unit that
    /// wrote it; the distinct wordings then go through <see cref="CommonProblemFinder"/>, the rule that finds a
    /// unit's common problems among its members, each wording in the part of a member's problem. Its candidates
    /// come from prefix filtering and clusters grow from centres, so the cost stays near-linear in the wordings,
    /// never their square. (Counting each unit's copy of a wording separately would make the bigrams of a
    /// problem most units share "stop" bigrams, found in too many problems to link any.) The topic rule is left
    /// out: across hundreds of units one topic (调查研究) would make one cluster of everything about it.
    /// </summary>
    private List<CrossUnitProblem> CrossUnit(IReadOnlyList<RollupSource> units)
    {
        var wordings = new List<(string Title, List<(string Unit, ProblemTitle Title)> Holders)>();
        var byTitle = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var summary in units.Select(u => u.Summary).OfType<UnitFigures>())
        {
            foreach (var title in summary.ProblemTitles)
            {
                if (!byTitle.TryGetValue(title.Title, out var w))
                {
                    byTitle[title.Title] = w = wordings.Count;
                    wordings.Add((title.Title, []));
                }

                wordings[w].Holders.Add((summary.UnitId, title));
            }
        }

        var problems = wordings.Select((w, i) => new ProblemRef(i, Placeholder, new StatementItem
        {
            Id = "t" + i.ToString(CultureInfo.InvariantCulture),
            Title = w.Title,
            Text = w.Title,
            Category = new Category(w.Holders[0].Title.Category, CategoryLabels.Of(w.Holders[0].Title.Category), 1, []),
        }, string.Empty)).ToList();
        var clusters = new CommonProblemFinder(options.CommonProblemThreshold, _ => null).Find(problems);
        var clustered = clusters.SelectMany(c => c).ToHashSet();
        return [.. clusters
            .Concat(Enumerable.Range(0, wordings.Count).Where(i => !clustered.Contains(i)).Select(i => new List<int> { i }))
            .Select(c => c.SelectMany(i => wordings[i].Holders).ToList())
            .Select(c => (Members: c, Units: c.Select(m => m.Unit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .Where(c => c.Units.Count >= 2)
            .OrderByDescending(c => c.Units.Count)
            .ThenByDescending(c => c.Members.Sum(m => m.Title.Members))
            .ThenBy(c => Representative(c.Members), StringComparer.Ordinal)
            .Select((c, n) =>
            {
                var category = c.Members.GroupBy(m => m.Title.Category).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                return new CrossUnitProblem
                {
                    Id = "x" + (n + 1).ToString(CultureInfo.InvariantCulture),
                    Category = category,
                    CategoryLabel = CategoryLabels.Of(category),
                    Title = Representative(c.Members),
                    Units = c.Units,
                    Members = c.Members.Sum(m => m.Title.Members),
                };
            })];
    }

    /// <summary>The finder takes problems of statements; a wording has none, so all share this stand-in (only its id is read, for item references).</summary>
    private static readonly StatementRecord Placeholder = new()
    {
        StatementId = "rollup",
        UnitId = "rollup",
        Status = RecordStatus.Accepted,
        Source = new SourceInfo { FileName = "rollup", MediaType = Exports.ReportFormats.JsonType, Size = 0, Sha256 = string.Empty },
    };

    /// <summary>The wording most units used; ties: the shorter, then the first by code point.</summary>
    private static string Representative(List<(string Unit, ProblemTitle Title)> members) =>
        members.GroupBy(m => m.Title.Title, StringComparer.Ordinal)
            .OrderByDescending(g => g.Select(m => m.Unit).Distinct(StringComparer.Ordinal).Count())
            .ThenBy(g => g.Key.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
}
