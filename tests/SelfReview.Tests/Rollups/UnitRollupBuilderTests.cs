using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Rollups;

namespace SelfReview.Tests.Rollups;

public sealed class UnitRollupBuilderTests
{
    private static readonly DateOnly Today = new(2025, 7, 1);

    private static UnitSummary Summary(string unitId, params (string Title, CategoryCode Category, int Members)[] titles) => new()
    {
        UnitId = unitId,
        Statements = 3,
        Accepted = 3,
        Problems = titles.Sum(t => t.Members),
        ProblemsByCategory = Enum.GetValues<CategoryCode>().ToDictionary(CategoryLabels.CodeOf, c => titles.Where(t => t.Category == c).Sum(t => t.Members)),
        ProblemTitles = [.. titles.Select(t => new ProblemTitle { Title = t.Title, Category = t.Category, Members = t.Members })],
        Text = "测试",
    };

    private static TrackedRowStatus Row(string status, DateOnly? due, CategoryCode category = CategoryCode.Theory, bool withdrawn = false) =>
        new() { RowId = "r" + Guid.NewGuid().ToString("N")[..12], Category = category, Status = status, DueDate = due, Withdrawn = withdrawn };

    private static RollupSource Source(string unitId, UnitSummary? summary, params TrackedRowStatus[] rows) =>
        new(new HierarchyNode(unitId, "county", 1), summary is null ? null : UnitFigures.Of(summary), summary is null ? null : new TrackingSummary { UnitId = unitId, Rows = rows });

    [Fact]
    public void Build_FindsTheProblemTwoUnitsShare_AndNotWhatOnlyOneUnitWrote()
    {
        var units = new[]
        {
            Source("a", Summary("a", ("理论学习不够深入系统，存在以干代学的现象", CategoryCode.Theory, 3), ("联系服务群众不够经常", CategoryCode.MassLine, 1))),
            Source("b", Summary("b", ("理论学习不够深入系统，存在以干代学现象", CategoryCode.Theory, 2), ("廉洁自律要求落实有差距", CategoryCode.Integrity, 1))),
            Source("c", Summary("c", ("调查研究浮于表面，解决实际问题不多", CategoryCode.Style, 1), ("干部队伍建设抓得不紧", CategoryCode.PartyBuilding, 1))),
        };

        var rollup = new UnitRollupBuilder(new ConsolidationOptions()).Build("county", units, [], Today);

        var shared = Assert.Single(rollup.CrossUnitProblems);
        Assert.Equal(["a", "b"], shared.Units);
        Assert.Equal(5, shared.Members);
        Assert.Equal(CategoryCode.Theory, shared.Category);
        Assert.Equal("理论学习不够深入系统，存在以干代学现象", shared.Title);
    }

    [Fact]
    public void Build_AddsUpRowsCompletedAndOverdue_WithoutWithdrawnRows_AndCountsUnitsWithoutSummary()
    {
        var units = new[]
        {
            Source("a", Summary("a", ("理论学习不够深入", CategoryCode.Theory, 2)),
                Row(TrackingStatuses.Done, new DateOnly(2025, 6, 30)),
                Row(TrackingStatuses.NotStarted, new DateOnly(2025, 6, 30)),
                Row(TrackingStatuses.InProgress, new DateOnly(2025, 7, 1)),
                Row(TrackingStatuses.NotStarted, null, CategoryCode.Style),
                Row(TrackingStatuses.Withdrawn, new DateOnly(2025, 1, 1), withdrawn: true)),
            Source("b", Summary("b", ("廉洁自律要求落实有差距", CategoryCode.Integrity, 1)),
                Row(TrackingStatuses.SignedOff, new DateOnly(2025, 3, 1), CategoryCode.Integrity),
                Row(TrackingStatuses.InProgress, new DateOnly(2025, 3, 1), CategoryCode.Integrity)),
            Source("c", null),
        };

        var rollup = new UnitRollupBuilder(new ConsolidationOptions()).Build("county", units, [], Today);

        Assert.Equal(new RollupTracking { Rows = 6, Completed = 2, SignedOff = 1, Overdue = 2, Percent = 33.3 }, rollup.Tracking);
        Assert.Equal(new RollupTracking { Rows = 4, Completed = 1, SignedOff = 0, Overdue = 1, Percent = 25 }, rollup.Units[0].Tracking);
        Assert.Equal(new RollupTracking { Rows = 2, Completed = 1, SignedOff = 1, Overdue = 1, Percent = 50 }, rollup.ByCategory.Single(c => c.Category == CategoryCode.Integrity).Tracking);
        Assert.Equal(1, rollup.UnitsWithoutSummary);
        Assert.Equal(6, rollup.Statements);
        Assert.Equal(3, rollup.Problems);
        Assert.Equal(2, rollup.ProblemsByCategory["theory"]);
        Assert.Equal(1, rollup.ProblemsByCategory["integrity"]);
        Assert.Empty(rollup.CrossUnitProblems);
    }

    [Fact]
    public void Build_FindsAWordingEveryUnitWrote_WhenItIsInMostOfTheTitles()
    {
        // Twelve units: each wrote the same problem, four of them a second one; each has one title of its own.
        string[] own = ["干部队伍建设抓得不紧", "意识形态工作责任落实有差距", "文山会海问题依然存在", "八项规定精神执行有松懈"];
        var units = Enumerable.Range(1, 12).Select(i =>
        {
            var id = "u" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var titles = new List<(string, CategoryCode, int)> { ("理论学习不够深入系统，存在以干代学、学用脱节的现象", CategoryCode.Theory, 2) };
            if (i % 3 == 0)
            {
                titles.Add(("调查研究不够深入，到基层一线解决实际问题不多", CategoryCode.Style, 1));
            }

            titles.Add((own[i % 4] + "（第" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "支部）", CategoryCode.Other, 1));
            return Source(id, Summary(id, [.. titles]));
        }).ToList();

        var rollup = new UnitRollupBuilder(new ConsolidationOptions()).Build("county", units, [], Today);

        Assert.Equal(
            [("理论学习不够深入系统，存在以干代学、学用脱节的现象", 12, 24), ("调查研究不够深入，到基层一线解决实际问题不多", 4, 4)],
            rollup.CrossUnitProblems.Take(2).Select(p => (p.Title, p.Units.Count, p.Members)));
    }
}
