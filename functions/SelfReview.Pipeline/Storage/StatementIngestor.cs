using Azure;
using Microsoft.Extensions.Logging;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// One upload from the store through the engine into its record. The record is keyed by the SHA-256 of
/// the bytes, so a repeated event, a re-upload or a second name for the same file finds the record and
/// writes nothing. Only a failed record is replaced, by the outcome of a new attempt.
/// </summary>
public sealed partial class StatementIngestor(IStatementStore store, StatementProcessor processor, IConsolidationScheduler consolidation, IStatusIndexWriter statusIndex, ILogger<StatementIngestor> logger)
{
    /// <summary>
    /// One delivery of an upload, as every host makes it: ingest, then ask for the unit to be consolidated
    /// (also after AlreadyRecorded: an earlier attempt may have written the record and failed before asking).
    /// Infrastructure failures propagate so the host retries; on the <paramref name="lastAttempt"/> a failed
    /// record with the reason is written first (and the unit consolidated, so the failure shows in its
    /// summary). Nothing disappears silently.
    /// </summary>
    public async Task<IngestOutcome> IngestDeliveryAsync(string unitId, string fileName, bool lastAttempt, CancellationToken cancellationToken = default)
    {
        try
        {
            var outcome = await IngestAsync(unitId, fileName, cancellationToken);
            if (outcome.Result != IngestResult.UploadMissing)
            {
                await consolidation.RequestAsync(unitId, cancellationToken);
            }

            return outcome;
        }
        catch (Exception e) when (lastAttempt && e is not OperationCanceledException)
        {
            LogGivingUp(logger, e, unitId);
            await RecordFailureAsync(unitId, fileName, ReasonOf(e), cancellationToken);
            await consolidation.RequestAsync(unitId, cancellationToken);
            throw;
        }
    }

    /// <summary>Why it failed, for the record: the kind of failure, never content.</summary>
    public static string ReasonOf(Exception exception) => exception switch
    {
        RequestFailedException r => $"存储服务错误（HTTP {r.Status}，{r.ErrorCode ?? "无错误码"}）",
        TimeoutException => "处理超时",
        _ => $"内部错误（{exception?.GetType().Name}）",
    };

    public async Task<IngestOutcome> IngestAsync(string unitId, string fileName, CancellationToken cancellationToken = default)
    {
        var upload = await store.GetUploadAsync(unitId, fileName, cancellationToken);
        if (upload is null)
        {
            LogUploadMissing(logger, unitId);
            return new IngestOutcome(IngestResult.UploadMissing, null);
        }

        var statementId = StatementProcessor.StatementIdOf(upload.Content);
        if (await store.GetRecordAsync(unitId, statementId, cancellationToken) is { Record.Status: not RecordStatus.Failed } existing)
        {
            LogAlreadyRecorded(logger, statementId, unitId);
            return new IngestOutcome(IngestResult.AlreadyRecorded, existing.Record);
        }

        var record = await processor.ProcessAsync(upload.Content, fileName, unitId, cancellationToken);
        await store.PutRecordAsync(record, cancellationToken);
        await statusIndex.RecordAsync(record, cancellationToken);
        LogRecorded(logger, statementId, unitId, record.Status);
        return new IngestOutcome(IngestResult.Recorded, record);
    }

    /// <summary>
    /// The poison path: processing kept failing, so the upload gets a failed record with the reason
    /// (nothing disappears silently). A record that did get written by an earlier attempt is kept.
    /// </summary>
    public async Task<StatementRecord?> RecordFailureAsync(string unitId, string fileName, string reason, CancellationToken cancellationToken = default)
    {
        var upload = await store.GetUploadAsync(unitId, fileName, cancellationToken);
        if (upload is null)
        {
            LogUploadMissing(logger, unitId);
            return null;
        }

        var statementId = StatementProcessor.StatementIdOf(upload.Content);
        if (await store.GetRecordAsync(unitId, statementId, cancellationToken) is { Record.Status: not RecordStatus.Failed } existing)
        {
            return existing.Record;
        }

        var source = new SourceInfo
        {
            FileName = fileName,
            MediaType = FormatSniffer.Detect(upload.Content).MediaType,
            Size = upload.Content.Length,
            Sha256 = statementId,
        };
        var record = StatementProcessor.Failed(statementId, unitId, source, reason);
        await store.PutRecordAsync(record, cancellationToken);
        await statusIndex.RecordAsync(record, cancellationToken);
        LogRecorded(logger, statementId, unitId, record.Status);
        return record;
    }

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Ingestion in unit {UnitId} failed on the last attempt; writing a failed record")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, string unitId);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Upload in unit {UnitId} is gone; nothing to ingest")]
    private static partial void LogUploadMissing(ILogger logger, string unitId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Statement {StatementId} of unit {UnitId} already has a record")]
    private static partial void LogAlreadyRecorded(ILogger logger, string statementId, string unitId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Statement {StatementId} of unit {UnitId} recorded as {Status}")]
    private static partial void LogRecorded(ILogger logger, string statementId, string unitId, RecordStatus status);
}
