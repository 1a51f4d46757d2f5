using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Functions.Consolidation;

/// <summary>
/// Queue-triggered on <c>unit-consolidation</c>: recomputes the unit's reports from all its records
/// (<see cref="UnitReportPublisher"/>). When another run wrote meanwhile or records arrived during the
/// run, it asks for one more run, so the last word always comes from a run that saw every record.
/// </summary>
public sealed partial class ConsolidateUnit(UnitReportPublisher publisher, ConsolidationScheduler queue, ILogger<ConsolidateUnit> logger)
{
    [Function(nameof(ConsolidateUnit))]
    public async Task RunAsync(
        [QueueTrigger(QueueNames.UnitConsolidation, Connection = AppSettingNames.SelfReviewStorage)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ConsolidationRequest.Parse(message.Body) is not { } request)
        {
            LogUnreadable(logger, message.MessageId);
            return;
        }

        // The insertion time says when the request was made: reports from a later listing already answer it.
        var outcome = await publisher.PublishAsync(request.UnitId, message.InsertedOn, cancellationToken);
        LogOutcome(logger, request.UnitId, outcome);
        if (outcome is PublishOutcome.Superseded or PublishOutcome.RecordsChanged)
        {
            await queue.RequestAsync(request.UnitId, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Consolidation message {MessageId} holds no valid unit id; dropped")]
    private static partial void LogUnreadable(ILogger logger, string messageId);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Consolidation of unit {UnitId}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string unitId, PublishOutcome outcome);
}
