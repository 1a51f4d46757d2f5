using System.Collections.Concurrent;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Cli.Commands;

/// <summary>A batch consolidates once at its end: requests are only collected, then published by the command.</summary>
public sealed class BatchConsolidationScheduler : IConsolidationScheduler
{
    private readonly ConcurrentDictionary<string, bool> _units = new(StringComparer.Ordinal);

    public IEnumerable<string> Requested => _units.Keys.Order(StringComparer.Ordinal);

    public Task RequestAsync(string unitId, CancellationToken cancellationToken = default)
    {
        _units[unitId] = true;
        return Task.CompletedTask;
    }
}
