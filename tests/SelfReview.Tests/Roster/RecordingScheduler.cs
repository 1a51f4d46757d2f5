using System.Collections.Concurrent;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Tests.Roster;

/// <summary>A scheduler that remembers which units were asked for (the hosts' schedulers queue them).</summary>
public sealed class RecordingScheduler : IConsolidationScheduler
{
    public ConcurrentQueue<string> Requested { get; } = new();

    public Task RequestAsync(string unitId, CancellationToken cancellationToken = default)
    {
        Requested.Enqueue(unitId);
        return Task.CompletedTask;
    }
}
