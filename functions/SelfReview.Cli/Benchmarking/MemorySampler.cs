namespace SelfReview.Cli.Benchmarking;

/// <summary>Samples the managed heap every few milliseconds while a stage runs: its peak, above the heap it started from.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = Baseline;
        AllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                await Task.Delay(2);
            }
        });
    }

    /// <summary>The heap when sampling started (what the stage's input holds).</summary>
    public long Baseline { get; }

    public long AllocatedBefore { get; }

    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>Stops sampling; returns (peak heap above the baseline, bytes allocated meanwhile).</summary>
    public (long PeakAboveBaseline, long Allocated) Stop()
    {
        Sample();
        _stop.Cancel();
        _sampling.GetAwaiter().GetResult();
        return (Peak - Baseline, GC.GetTotalAllocatedBytes(precise: true) - AllocatedBefore);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}
