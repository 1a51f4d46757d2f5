using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Rollups;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Rollups;

public sealed class UnitHierarchyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("selfreview-hierarchy-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Writes a parent link as a hand edit or two concurrent changes could leave it (SetParentAsync refuses loops).</summary>
    private static async Task LinkAsync(FolderStatementStore store, string unit, string parent)
    {
        await store.PutUploadAsync(unit, "x.txt", "x"u8.ToArray());
        await store.PutTrackingAsync(unit, UnitProfileStore.Name, ReportFormats.JsonType, SelfReviewJson.Serialize(new UnitProfile { UnitId = unit, Parent = parent }, SelfReviewJson.UnitProfile), WriteCondition.Always);
    }

    [Fact]
    public async Task Read_EndsOnALoopOfParentLinks_AndReportsTheLink()
    {
        var store = new FolderStatementStore(_root);
        await LinkAsync(store, "a", "b");
        await LinkAsync(store, "b", "c");
        await LinkAsync(store, "c", "a");
        await LinkAsync(store, "d", "a");

        var hierarchy = await UnitHierarchy.ReadAsync(store, "a").WaitAsync(TimeSpan.FromSeconds(10));

        // a's children are c (whose child b names a's parent…) and d; the link back to a is not followed.
        Assert.Equal([new HierarchyNode("c", "a", 1), new HierarchyNode("b", "c", 2), new HierarchyNode("d", "a", 1)], hierarchy.Nodes);
        Assert.Equal(["a → b"], hierarchy.Cycles);

        var rollup = await new UnitRollupAggregator(store, new UnitRollupBuilder(new Pipeline.Consolidation.ConsolidationOptions())).AggregateAsync("a", new DateOnly(2025, 1, 1)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["c", "b", "d"], rollup.Units.Select(u => u.UnitId));
        Assert.Equal(["a → b"], rollup.Cycles);
    }

    [Fact]
    public async Task SetParent_RefusesALoop_TheUnitItself_AndAnInvalidId()
    {
        var store = new FolderStatementStore(_root);
        var profiles = new UnitProfileStore(store);
        Assert.IsType<ParentOutcome.Changed>(await profiles.SetParentAsync("village", "town"));
        Assert.IsType<ParentOutcome.Changed>(await profiles.SetParentAsync("town", "county"));

        Assert.IsType<ParentOutcome.Refused>(await profiles.SetParentAsync("county", "village"));
        Assert.IsType<ParentOutcome.Refused>(await profiles.SetParentAsync("town", "town"));
        Assert.IsType<ParentOutcome.Refused>(await profiles.SetParentAsync("town", "单位"));
        Assert.Equal("county", (await profiles.GetAsync("town"))!.Parent);
        Assert.Null((await profiles.GetAsync("county"))?.Parent);
    }
}
