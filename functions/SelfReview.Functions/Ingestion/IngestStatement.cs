using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Ingestion;

/// <summary>
/// Queue-triggered on <c>statement-events</c> (Event Grid BlobCreated events of the statements container):
/// each upload goes through <see cref="StatementIngestor.IngestDeliveryAsync"/>, which writes the record and
/// asks for the unit to be consolidated, and on the message's last attempt writes a failed record before
/// the message goes to the poison queue.
/// </summary>
public sealed partial class IngestStatement(StatementIngestor ingestor, ILogger<IngestStatement> logger)
{
    [Function(nameof(IngestStatement))]
    public async Task RunAsync(
        [QueueTrigger(QueueNames.StatementEvents, Connection = AppSettingNames.SelfReviewStorage)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uploads = BlobCreatedEvent.Parse(message.Body).Select(e => e.StatementUpload).OfType<(string UnitId, string FileName)>().ToList();
        if (uploads.Count == 0)
        {
            LogIgnored(logger, message.MessageId);
        }

        foreach (var (unitId, fileName) in uploads)
        {
            await ingestor.IngestDeliveryAsync(unitId, fileName, lastAttempt: message.DequeueCount >= QueueNames.MaxDequeueCount, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Statement event {MessageId} ignored: no complete upload statements/{{unitId}}/{{fileName}} in it")]
    private static partial void LogIgnored(ILogger logger, string messageId);
}
