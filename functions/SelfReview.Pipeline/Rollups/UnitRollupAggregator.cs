using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Pipeline.Rollups;

/// <summary>
/// A rollup from the store: the units below the parent (<see cref="UnitHierarchy"/>), then for each one its
/// summary (<c>reports/{unit}/summary.json</c>) and its tracking summary (<c>tracking/{unit}/summary.json</c>,
/// rebuilt once for a unit tracked before it existed), a few units at a time; then <see cref="UnitRollupBuilder"/>.
/// Three small documents per unit, whatever the number of statements and rows.
/// </summary>
public sealed class UnitRollupAggregator(IStatementStore store, UnitRollupBuilder builder)
{
    private const int ReadParallelism = 16;

    private readonly TrackingSummaryWriter _tracking = new(store);

    public async Task<UnitRollup> AggregateAsync(string parentId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var hierarchy = await UnitHierarchy.ReadAsync(store, parentId, cancellationToken);
        var sources = new RollupSource[hierarchy.Nodes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Length), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var unit = hierarchy.Nodes[i].UnitId;
            var summary = await store.GetReportAsync(unit, ReportFormats.SummaryJson.Name, ct) is { } file ? SummaryDigest.Read(file.Content) : null;
            var tracking = summary is null ? null : await _tracking.GetOrRebuildAsync(unit, ct);
            sources[i] = new RollupSource(hierarchy.Nodes[i], summary, tracking);
        });
        return builder.Build(parentId, sources, hierarchy.Cycles, today);
    }
}
