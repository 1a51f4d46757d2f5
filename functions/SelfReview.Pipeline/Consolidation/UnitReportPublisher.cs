using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline.Diagnostics;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Recomputes a unit's reports from all its records and writes them so that concurrent runs cannot lose
/// a statement:
/// <list type="number">
/// <item>the entity tags of the report files are read first, then the record listing (its fingerprint is
/// the set of record ids and entity tags);</item>
/// <item>when <c>consolidation.json</c> already holds that fingerprint, the run stops: a burst of uploads
/// consolidates once, and repeated requests cost two listings;</item>
/// <item>every report file is written If-Match the tag read at the start (If-None-Match: * when new);
/// a failed condition means another run wrote meanwhile, and this one stops (<see cref="PublishOutcome.Superseded"/>);</item>
/// <item>after writing, the records are listed again; a different fingerprint means a record arrived
/// during the run (<see cref="PublishOutcome.RecordsChanged"/>).</item>
/// </list>
/// In both last cases the caller asks for another run, which recomputes from everything. Records are
/// never deleted, so a later listing always holds every earlier record.
/// </summary>
public sealed partial class UnitReportPublisher(
    IStatementStore store,
    UnitConsolidator consolidator,
    ReportWriter writer,
    TimeProvider time,
    ILogger<UnitReportPublisher> logger)
{
    /// <summary>The state file written last: which records the reports were computed from.</summary>
    public const string StateFileName = "consolidation.json";

    /// <summary>
    /// How much later than a request a run must have listed the records to be sure it saw them: covers the
    /// skew between the worker's clock and the queue's (NTP keeps both within a second or so).
    /// </summary>
    public static readonly TimeSpan ClockSkewMargin = TimeSpan.FromSeconds(5);

    public Task<PublishOutcome> PublishAsync(string unitId, CancellationToken cancellationToken = default) =>
        PublishAsync(unitId, requestedAt: null, cancellationToken);

    /// <summary>
    /// As <see cref="PublishAsync(string, CancellationToken)"/>, for a request made at <paramref name="requestedAt"/>
    /// (the queue's insertion time of the message). A request is made after its record was written, so
    /// when the reports come from a run that listed the records later than that, the request is already
    /// answered and the run stops at once: under a burst of uploads each unit is recomputed about once per
    /// run's length, not once per upload (1,000 uploads made 3,000 requests, each a full recompute of
    /// the unit's 100 records, XLSX and DOCX included).
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(string unitId, DateTimeOffset? requestedAt, CancellationToken cancellationToken = default)
    {
        var reportTags = (await store.ListReportsAsync(unitId, cancellationToken)).ToDictionary(e => e.Name, e => e.ETag, StringComparer.Ordinal);
        var state = reportTags.ContainsKey(StateFileName) ? await ReadStateAsync(unitId, cancellationToken) : null;
        if (requestedAt is { } requested && state?.ListedAt is { } listedAt && listedAt - ClockSkewMargin > requested)
        {
            LogAnswered(logger, unitId);
            return PublishOutcome.UpToDate;
        }

        var listedAtNow = time.GetUtcNow();
        var listed = await store.ListRecordsAsync(unitId, cancellationToken);
        if (listed.Count == 0)
        {
            return PublishOutcome.NoRecords;
        }

        var fingerprint = Fingerprint(listed);
        if (state?.Fingerprint == fingerprint)
        {
            LogUpToDate(logger, unitId, listed.Count);
            return PublishOutcome.UpToDate;
        }

        var records = await Task.WhenAll(listed.Select(e => store.GetRecordAsync(unitId, e.Name, cancellationToken)));
        StartupPhases.Mark("records listed and read");
        var report = consolidator.Consolidate(unitId, records.OfType<StoredRecord>().Select(r => r.Record));
        StartupPhases.Mark("consolidated");
        var files = writer.Render(report).Append(new ReportFile(StateFileName, ReportFormats.JsonType, State(unitId, fingerprint, listed.Count, listedAtNow)));
        foreach (var file in files)
        {
            var condition = WriteCondition.Expecting(reportTags.GetValueOrDefault(file.Name));
            if (await store.PutReportAsync(unitId, file.Name, file.ContentType, file.Content, condition, cancellationToken) is null)
            {
                LogSuperseded(logger, unitId, file.Name);
                return PublishOutcome.Superseded;
            }
        }

        StartupPhases.Mark("report files written");
        if (Fingerprint(await store.ListRecordsAsync(unitId, cancellationToken)) != fingerprint)
        {
            LogRecordsChanged(logger, unitId);
            return PublishOutcome.RecordsChanged;
        }

        LogPublished(logger, unitId, listed.Count, report.Rectifications.Rows.Count);
        return PublishOutcome.Published;
    }

    /// <summary>SHA-256 over the sorted (id, entity tag) pairs: equal exactly when the same records in the same versions exist.</summary>
    public static string Fingerprint(IEnumerable<StoreEntry> records)
    {
        var text = new StringBuilder();
        foreach (var entry in records.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.Append(entry.Name).Append(' ').Append(entry.ETag).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private async Task<(string? Fingerprint, DateTimeOffset? ListedAt)?> ReadStateAsync(string unitId, CancellationToken cancellationToken)
    {
        if (await store.GetReportAsync(unitId, StateFileName, cancellationToken) is not { } state)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(state.Content);
            var fingerprint = json.RootElement.TryGetProperty("fingerprint", out var value) ? value.GetString() : null;
            DateTimeOffset? listedAt = json.RootElement.TryGetProperty("listedAt", out var at) && at.TryGetDateTimeOffset(out var t) ? t : null;
            return (fingerprint, listedAt);
        }
        catch (JsonException)
        {
            return null; // an unreadable state only means "recompute"
        }
    }

    private byte[] State(string unitId, string fingerprint, int records, DateTimeOffset listedAt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("unitId", unitId);
            json.WriteString("fingerprint", fingerprint);
            json.WriteNumber("records", records);
            // When this run listed the records: requests made before it are answered by these reports.
            json.WriteString("listedAt", listedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("consolidatedAt", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Unit {UnitId} published from {Records} records: {Rows} rectification rows")]
    private static partial void LogPublished(ILogger logger, string unitId, int records, int rows);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Unit {UnitId} is up to date with its {Records} records")]
    private static partial void LogUpToDate(ILogger logger, string unitId, int records);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Unit {UnitId}: {Report} was written by another run meanwhile; stopping")]
    private static partial void LogSuperseded(ILogger logger, string unitId, string report);

    [LoggerMessage(EventId = 34, Level = LogLevel.Information, Message = "Unit {UnitId}: the request is answered by reports from a later listing")]
    private static partial void LogAnswered(ILogger logger, string unitId);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information, Message = "Unit {UnitId}: records changed during consolidation")]
    private static partial void LogRecordsChanged(ILogger logger, string unitId);
}
