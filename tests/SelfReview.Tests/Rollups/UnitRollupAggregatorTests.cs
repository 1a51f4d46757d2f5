using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Fixtures;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Rollups;
using SelfReview.Pipeline.Storage;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Tests.Rollups;

/// <summary>Rollups over generated units in a folder store, consolidated and tracked as the hosts do it.</summary>
public sealed class UnitRollupAggregatorTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 9, 1);

    private static readonly Lazy<Task<List<(int Unit, StatementRecord Record)>>> Generated = new(async () =>
    {
        var records = new List<(int, StatementRecord)>();
        foreach (var statement in new CorpusGenerator(seed: 7).Generate(80).Where(s => s.Unit < 3))
        {
            records.Add((statement.Unit, await Engine.ProcessAsync(statement.ToDocx(), statement.FileName)));
        }

        return records;
    });

    private readonly string _root = Directory.CreateTempSubdirectory("selfreview-rollup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task PublishAsync(FolderStatementStore store, string unitId, IEnumerable<StatementRecord> records)
    {
        foreach (var record in records)
        {
            await store.PutRecordAsync(record with { UnitId = unitId });
        }

        Assert.Equal(PublishOutcome.Published, await ActivatorUtilities.CreateInstance<UnitReportPublisher>(Engine.Services, store).PublishAsync(unitId));
    }

    [Fact]
    public async Task Aggregate_CountsEqualTheSumOverTheUnits_OfGeneratedUnitsTwoLevelsDown()
    {
        var generated = await Generated.Value;
        var store = new FolderStatementStore(_root);
        var profiles = new UnitProfileStore(store);
        var units = new[] { "gen-0", "gen-1", "gen-2" };
        for (var u = 0; u < units.Length; u++)
        {
            await PublishAsync(store, units[u], generated.Where(g => g.Unit == u).Select(g => g.Record));
        }

        await profiles.SetParentAsync("gen-0", "town-a");
        await profiles.SetParentAsync("gen-1", "town-a");
        await profiles.SetParentAsync("gen-2", "town-b");
        await profiles.SetParentAsync("town-a", "county");
        await profiles.SetParentAsync("town-b", "county");

        // People track rows: three done, one signed off, one in progress (the tracking summary follows each change).
        var tracker = new RectificationTracker(store, TimeProvider.System);
        var rows = (await tracker.GetListAsync("gen-0"))!.List.Rows;
        foreach (var (row, status) in rows.Take(5).Zip([TrackingStatuses.Done, TrackingStatuses.Done, TrackingStatuses.Done, TrackingStatuses.SignedOff, TrackingStatuses.InProgress]))
        {
            Assert.IsType<RowUpdate.Updated>(await tracker.UpdateAsync("gen-0", row.RowId, new RowChange(status, null), "tester", null, maySignOff: true));
        }

        var rollup = await new UnitRollupAggregator(store, Engine.Get<UnitRollupBuilder>()).AggregateAsync("county", Today);

        // Expected from each unit's own documents: its summary, and its list with every row's tracking read.
        var summaries = new List<UnitSummary>();
        var lists = new List<RectificationList>();
        foreach (var unit in units)
        {
            summaries.Add(SelfReviewJson.Deserialize((await store.GetReportAsync(unit, ReportFormats.SummaryJson.Name))!.Content, SelfReviewJson.UnitSummary));
            lists.Add((await tracker.GetListAsync(unit))!.List);
        }

        Assert.Equal(["town-a", "gen-0", "gen-1", "town-b", "gen-2"], rollup.Units.Select(u => u.UnitId));
        Assert.Equal([1, 2, 2, 1, 2], rollup.Units.Select(u => u.Depth));
        Assert.Equal(2, rollup.UnitsWithoutSummary);
        Assert.Equal(generated.Count, rollup.Statements);
        Assert.Equal(summaries.Sum(s => s.Statements), rollup.Statements);
        Assert.Equal(summaries.Sum(s => s.Accepted), rollup.Accepted);
        Assert.Equal(summaries.Sum(s => s.Members.Count), rollup.Members);
        Assert.Equal(summaries.Sum(s => s.Problems), rollup.Problems);
        Assert.Equal(summaries.Sum(s => s.Causes), rollup.Causes);
        Assert.Equal(summaries.Sum(s => s.Measures), rollup.Measures);
        Assert.Equal(summaries.Sum(s => s.CommonProblems.Count), rollup.CommonProblems);
        Assert.True(rollup.Problems > 100, $"{rollup.Problems} problems");
        foreach (var (code, count) in rollup.ProblemsByCategory)
        {
            Assert.Equal(summaries.Sum(s => s.ProblemsByCategory[code]), count);
        }

        var rates = lists.Select(CompletionCalculator.Compute).ToList();
        Assert.Equal(rates.Sum(r => r.Unit.Rows), rollup.Tracking.Rows);
        Assert.Equal(rates.Sum(r => r.Unit.Completed), rollup.Tracking.Completed);
        Assert.Equal(rates.Sum(r => r.Unit.SignedOff), rollup.Tracking.SignedOff);
        Assert.Equal(lists.Sum(l => DueRowFinder.Find(l, Today, 0).Overdue.Count), rollup.Tracking.Overdue);
        Assert.Equal(new RollupTracking { Rows = rows.Count, Completed = 4, SignedOff = 1, Overdue = lists[0].Rows.Count(r => r.Status is TrackingStatuses.NotStarted or TrackingStatuses.InProgress && r.DueDate < Today), Percent = Math.Round(400.0 / rows.Count, 1, MidpointRounding.AwayFromZero) }, rollup.Units[1].Tracking);
        Assert.Equal(rates[0].Unit.Percent, rollup.Units[1].Tracking.Percent);
    }

    [Fact]
    public async Task Aggregate_FindsTheProblemsOfStatementsTwoUnitsHold_AsSharedByBoth()
    {
        var generated = await Generated.Value;
        var store = new FolderStatementStore(_root);
        var first = generated.Where(g => g.Unit == 0).Select(g => g.Record).ToList();
        var second = generated.Where(g => g.Unit == 1).Select(g => g.Record).ToList();
        // Two members of the first unit moved to the second and wrote the same statements there.
        await PublishAsync(store, "x-first", first);
        await PublishAsync(store, "y-second", [.. second, .. first.Take(2)]);
        var profiles = new UnitProfileStore(store);
        await profiles.SetParentAsync("x-first", "county");
        await profiles.SetParentAsync("y-second", "county");

        var rollup = await new UnitRollupAggregator(store, Engine.Get<UnitRollupBuilder>()).AggregateAsync("county", Today);

        var movedTitles = (await Task.WhenAll(new[] { "x-first", "y-second" }.Select(async u => SelfReviewJson.Deserialize((await store.GetReportAsync(u, ReportFormats.SummaryJson.Name))!.Content, SelfReviewJson.UnitSummary))))
            .Select(s => s.ProblemTitles.Select(t => t.Title).ToHashSet(StringComparer.Ordinal)).ToList();
        var identical = movedTitles[0].Intersect(movedTitles[1], StringComparer.Ordinal).ToList();
        Assert.NotEmpty(identical);
        var shared = rollup.CrossUnitProblems.Where(p => p.Units.SequenceEqual(["x-first", "y-second"])).ToList();
        Assert.NotEmpty(shared);
        // Every title both lists hold word for word is one of the shared problems.
        Assert.All(identical, title => Assert.Contains(shared, p => p.Title == title || identical.Contains(p.Title)));
        Assert.True(shared.Count >= identical.Count / 2, $"{shared.Count} shared for {identical.Count} identical titles");
    }
}
