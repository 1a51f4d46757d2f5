using Microsoft.Extensions.Logging;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Consolidation requests of units, for every host: each recomputes the unit's reports
/// (<see cref="UnitReportPublisher"/>); when another process wrote meanwhile or records arrived during the
/// run, it asks for one more run, so the last word always comes from a run that saw every record.
/// <para>
/// Within one process the runs of a unit never overlap: a request that arrives while the unit is being
/// consolidated waits for the one run queued behind it, which lists the records after the current run
/// ends, so it sees every record written before the request; every request arriving meanwhile shares
/// that run. A burst of requests of one unit therefore costs at most two runs at a time, not one each,
/// and the runs of one process never supersede one another. The waiting request is not answered before
/// its run ended, so when the process dies its queue message comes back and nothing is lost.
/// </para>
/// </summary>
public sealed partial class UnitConsolidationRunner(UnitReportPublisher publisher, IConsolidationScheduler scheduler, ILogger<UnitConsolidationRunner> logger)
{
    private readonly Dictionary<string, UnitRuns> _units = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<PublishOutcome> RunAsync(string unitId, CancellationToken cancellationToken = default) =>
        RunAsync(unitId, requestedAt: null, cancellationToken);

    /// <summary>A run for a request made at <paramref name="requestedAt"/> (a queue message's insertion time), see <see cref="UnitReportPublisher.PublishAsync(string, DateTimeOffset?, CancellationToken)"/>.</summary>
    public Task<PublishOutcome> RunAsync(string unitId, DateTimeOffset? requestedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitId);
        Run run;
        Run? after = null;
        var start = false;
        lock (_lock)
        {
            if (!_units.TryGetValue(unitId, out var runs))
            {
                runs = new UnitRuns();
                _units[unitId] = runs;
            }

            if (runs.Running is null)
            {
                run = runs.Running = new Run();
                start = true;
            }
            else if (runs.Queued is { } queued)
            {
                run = queued;
                LogShared(logger, unitId);
            }
            else
            {
                after = runs.Running;
                run = runs.Queued = new Run();
                start = true;
            }
        }

        if (start)
        {
            // Its own task: the run's code never runs under the lock, and a caller that stops waiting
            // (cancelled) does not stop the run other callers wait for unless its token is the run's.
            _ = Task.Run(() => ExecuteAsync(unitId, run, after, after is null ? requestedAt : null, cancellationToken), CancellationToken.None);
        }

        return run.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task ExecuteAsync(string unitId, Run run, Run? after, DateTimeOffset? requestedAt, CancellationToken cancellationToken)
    {
        if (after is not null)
        {
            // The queued run starts when the current one ended, however it ended: its failure is its callers'.
            await after.Done.Task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            lock (_lock)
            {
                var runs = _units[unitId];
                runs.Running = run;
                runs.Queued = null;
            }
        }

        try
        {
            var outcome = await publisher.PublishAsync(unitId, requestedAt, cancellationToken);
            LogOutcome(logger, unitId, outcome);
            if (outcome is PublishOutcome.Superseded or PublishOutcome.RecordsChanged)
            {
                await scheduler.RequestAsync(unitId, cancellationToken);
            }

            Release(unitId, run);
            run.Done.TrySetResult(outcome);
        }
        catch (OperationCanceledException e)
        {
            Release(unitId, run);
            run.Done.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            Release(unitId, run);
            run.Done.TrySetException(e);
        }
    }

    /// <summary>The unit's slot is freed before the callers are answered, so a caller that asks again at once starts a new run.</summary>
    private void Release(string unitId, Run run)
    {
        lock (_lock)
        {
            var runs = _units[unitId];
            if (ReferenceEquals(runs.Running, run) && runs.Queued is null)
            {
                _units.Remove(unitId);
            }
        }
    }

    [LoggerMessage(EventId = 34, Level = LogLevel.Information, Message = "Consolidation of unit {UnitId}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string unitId, PublishOutcome outcome);

    [LoggerMessage(EventId = 35, Level = LogLevel.Debug, Message = "Consolidation request of unit {UnitId} shares the run queued behind the current one")]
    private static partial void LogShared(ILogger logger, string unitId);

    /// <summary>The unit's current run and the one queued behind it.</summary>
    private sealed class UnitRuns
    {
        public Run? Running { get; set; }

        public Run? Queued { get; set; }
    }

    private sealed class Run
    {
        public TaskCompletionSource<PublishOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
