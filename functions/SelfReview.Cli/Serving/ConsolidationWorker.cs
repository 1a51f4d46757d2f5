using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Cli.Serving;

/// <summary>Runs the consolidations that are due (<see cref="DebouncedConsolidationScheduler"/>), one unit at a time, through <see cref="UnitConsolidationRunner"/>.</summary>
public sealed partial class ConsolidationWorker(DebouncedConsolidationScheduler schedule, UnitConsolidationRunner runner, TimeProvider time, ILogger<ConsolidationWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var unitId in schedule.TakeDue())
                {
                    await RunAsync(unitId, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: reports are derived; every unit is asked for again at the next start.
        }
    }

    private async Task RunAsync(string unitId, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(unitId, stoppingToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder was busy or unreadable: try again after the delay.
            LogFailed(logger, e, unitId);
            await schedule.RequestAsync(unitId, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Warning, Message = "Consolidation of unit {UnitId} failed; asked again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string unitId);
}
