using Microsoft.Extensions.Logging;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// One consolidation request of a unit, for every host: recomputes its reports (<see cref="UnitReportPublisher"/>);
/// when another run wrote meanwhile or records arrived during the run, asks for one more run, so the last
/// word always comes from a run that saw every record.
/// </summary>
public sealed partial class UnitConsolidationRunner(UnitReportPublisher publisher, IConsolidationScheduler scheduler, ILogger<UnitConsolidationRunner> logger)
{
    public Task<PublishOutcome> RunAsync(string unitId, CancellationToken cancellationToken = default) =>
        RunAsync(unitId, requestedAt: null, cancellationToken);

    /// <summary>A run for a request made at <paramref name="requestedAt"/> (a queue message's insertion time), see <see cref="UnitReportPublisher.PublishAsync(string, DateTimeOffset?, CancellationToken)"/>.</summary>
    public async Task<PublishOutcome> RunAsync(string unitId, DateTimeOffset? requestedAt, CancellationToken cancellationToken = default)
    {
        var outcome = await publisher.PublishAsync(unitId, requestedAt, cancellationToken);
        LogOutcome(logger, unitId, outcome);
        if (outcome is PublishOutcome.Superseded or PublishOutcome.RecordsChanged)
        {
            await scheduler.RequestAsync(unitId, cancellationToken);
        }

        return outcome;
    }

    [LoggerMessage(EventId = 34, Level = LogLevel.Information, Message = "Consolidation of unit {UnitId}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string unitId, PublishOutcome outcome);
}
