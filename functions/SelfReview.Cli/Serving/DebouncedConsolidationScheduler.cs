using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Cli.Serving;

/// <summary>
/// The unit-consolidation queue on one machine: a request sets the unit due <see cref="ConsolidationOptions.DelaySeconds"/>
/// from now, and a later request of the same unit moves it on (debounced), so the unit is consolidated once
/// after the last upload of a burst, as the visibility delay does in Azure. <see cref="ConsolidationWorker"/> runs what is due.
/// </summary>
public sealed class DebouncedConsolidationScheduler(IOptions<ConsolidationOptions> options, TimeProvider time) : IConsolidationScheduler
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);
    private readonly TimeSpan _delay = TimeSpan.FromSeconds(options.Value.DelaySeconds);

    public Task RequestAsync(string unitId, CancellationToken cancellationToken = default)
    {
        _due[unitId] = time.GetUtcNow() + _delay;
        return Task.CompletedTask;
    }

    /// <summary>Takes the units whose time has come off the schedule.</summary>
    public IReadOnlyList<string> TakeDue()
    {
        var now = time.GetUtcNow();
        var due = new List<string>();
        foreach (var (unitId, at) in _due)
        {
            if (at <= now && _due.TryRemove(new KeyValuePair<string, DateTimeOffset>(unitId, at)))
            {
                due.Add(unitId);
            }
        }

        return due;
    }
}
