using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Functions.Consolidation;

/// <summary>Queue-triggered on <c>unit-consolidation</c>: one run of <see cref="UnitConsolidationRunner"/> for the unit.</summary>
public sealed partial class ConsolidateUnit(UnitConsolidationRunner runner, ILogger<ConsolidateUnit> logger)
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
        await runner.RunAsync(request.UnitId, message.InsertedOn, cancellationToken);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Consolidation message {MessageId} holds no valid unit id; dropped")]
    private static partial void LogUnreadable(ILogger logger, string messageId);
}
