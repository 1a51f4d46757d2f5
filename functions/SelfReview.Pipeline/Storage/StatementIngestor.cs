using Microsoft.Extensions.Logging;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// One upload from the store through the engine into its record. The record is keyed by the SHA-256 of
/// the bytes, so a repeated event, a re-upload or a second name for the same file finds the record and
/// writes nothing. Only a failed record is replaced, by the outcome of a new attempt.
/// </summary>
public sealed partial class StatementIngestor(IStatementStore store, StatementProcessor processor, ILogger<StatementIngestor> logger)
{
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
        LogRecorded(logger, statementId, unitId, record.Status);
        return record;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Upload in unit {UnitId} is gone; nothing to ingest")]
    private static partial void LogUploadMissing(ILogger logger, string unitId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Statement {StatementId} of unit {UnitId} already has a record")]
    private static partial void LogAlreadyRecorded(ILogger logger, string statementId, string unitId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Statement {StatementId} of unit {UnitId} recorded as {Status}")]
    private static partial void LogRecorded(ILogger logger, string statementId, string unitId, RecordStatus status);
}
