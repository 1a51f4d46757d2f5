using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SelfReview.Functions.Consolidation;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Ingestion;

/// <summary>
/// Queue-triggered on <c>statement-events</c> (Event Grid BlobCreated events of the statements container):
/// reads the upload, runs the engine, writes the record and asks for the unit to be consolidated.
/// Infrastructure failures propagate, so the message is retried; on its last attempt a failed record
/// with the reason is written first (and the unit consolidated, so the failure shows in its summary),
/// then the message goes to the poison queue. Nothing disappears silently.
/// </summary>
public sealed partial class IngestStatement(StatementIngestor ingestor, ConsolidationScheduler consolidation, ILogger<IngestStatement> logger)
{
    [Function(nameof(IngestStatement))]
    public async Task RunAsync(
        [QueueTrigger(QueueNames.StatementEvents, Connection = AppSettingNames.SelfReviewStorage)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var events = BlobCreatedEvent.Parse(message.Body);
        if (events.Count == 0)
        {
            LogIgnored(logger, message.MessageId, "not a BlobCreated event");
            return;
        }

        foreach (var created in events)
        {
            if (Upload(created, message.MessageId) is { } upload)
            {
                await IngestAsync(upload.UnitId, upload.FileName, message, cancellationToken);
            }
        }
    }

    private (string UnitId, string FileName)? Upload(BlobCreatedEvent created, string messageId)
    {
        if (created.Container != StorageLayout.StatementsContainer)
        {
            LogIgnored(logger, messageId, "not in the statements container");
            return null;
        }

        if (!created.IsComplete)
        {
            LogIgnored(logger, messageId, "operation " + created.Api);
            return null;
        }

        var slash = created.BlobName.IndexOf('/', StringComparison.Ordinal);
        var unitId = slash > 0 ? created.BlobName[..slash] : null;
        var fileName = slash > 0 ? created.BlobName[(slash + 1)..] : null;
        if (!StorageLayout.IsValidUnitId(unitId) || !StorageLayout.IsValidFileName(fileName))
        {
            // Not statements/{unitId}/{fileName} with valid names: no record can be keyed for it.
            LogIgnored(logger, messageId, "blob name outside the layout statements/{unitId}/{fileName}");
            return null;
        }

        return (unitId!, fileName!);
    }

    private async Task IngestAsync(string unitId, string fileName, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ingestor.IngestAsync(unitId, fileName, cancellationToken);
            if (outcome.Result != IngestResult.UploadMissing)
            {
                // Also after AlreadyRecorded: an earlier attempt may have written the record and failed before asking.
                await consolidation.RequestAsync(unitId, cancellationToken);
            }
        }
        catch (Exception e) when (message.DequeueCount >= QueueNames.MaxDequeueCount && e is not OperationCanceledException)
        {
            LogGivingUp(logger, e, unitId, message.MessageId, message.DequeueCount);
            await ingestor.RecordFailureAsync(unitId, fileName, Reason(e), cancellationToken);
            await consolidation.RequestAsync(unitId, cancellationToken);
            throw;
        }
    }

    /// <summary>Why it failed, for the record: the kind of failure, never content.</summary>
    private static string Reason(Exception e) => e switch
    {
        RequestFailedException r => $"存储服务错误（HTTP {r.Status}，{r.ErrorCode ?? "无错误码"}）",
        TimeoutException => "处理超时",
        _ => $"内部错误（{e.GetType().Name}）",
    };

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Statement event {MessageId} ignored: {Why}")]
    private static partial void LogIgnored(ILogger logger, string messageId, string why);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "Ingestion in unit {UnitId} failed on the last attempt of message {MessageId} (dequeue count {DequeueCount}); writing a failed record")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, string unitId, string messageId, long dequeueCount);
}
