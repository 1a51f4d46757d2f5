using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SelfReview.Contracts;
using SelfReview.Pipeline.Diagnostics;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Recomputes a unit's reports from all its records and writes them so that concurrent runs cannot lose
/// a statement:
/// <list type="number">
/// <item>the state (<c>consolidation.json</c>) is read first, then the entity tags of the report files,
/// then the record listing (its fingerprint is the set of record ids and entity tags);</item>
/// <item>when the state already holds that fingerprint, the run stops: a burst of uploads consolidates
/// once (and a request made before the state's listing is answered by the state alone);</item>
/// <item>every report file whose bytes differ from what the last run wrote (the state keeps each file's
/// SHA-256 and entity tag) is written If-Match the tag read at the start (If-None-Match: * when new), a
/// few at a time, and the state last, If-Match its own first tag; a failed condition means another
/// run wrote meanwhile, and this one stops (<see cref="PublishOutcome.Superseded"/>);</item>
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
    private readonly TrackingStore _tracking = new(store);

    private readonly TrackingSummaryWriter _trackingSummary = new(store);

    /// <summary>The state file written last: which records the reports were computed from.</summary>
    public const string StateFileName = "consolidation.json";

    /// <summary>
    /// How much later than a request a run must have listed the records to be sure it saw them: covers the
    /// skew between the worker's clock and the queue's (NTP keeps both within a second or so).
    /// </summary>
    public static readonly TimeSpan ClockSkewMargin = TimeSpan.FromSeconds(5);

    /// <summary>Report files written at once (the state file always last, alone).</summary>
    private const int WriteParallelism = 8;

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
        // The state alone answers a repeated request: one read, before any listing.
        var stateFile = await store.GetReportAsync(unitId, StateFileName, cancellationToken);
        var state = stateFile is null ? null : ReadState(stateFile.Content);
        if (requestedAt is { } requested && state?.ListedAt is { } listedAt && listedAt - ClockSkewMargin > requested)
        {
            LogAnswered(logger, unitId);
            return PublishOutcome.UpToDate;
        }

        var reportTags = (await store.ListReportsAsync(unitId, cancellationToken)).ToDictionary(e => e.Name, e => e.ETag, StringComparer.Ordinal);
        var listedAtNow = time.GetUtcNow();
        var listed = await store.ListRecordsAsync(unitId, cancellationToken);
        if (listed.Count == 0)
        {
            return PublishOutcome.NoRecords;
        }

        // What people added (roster, last year's list) is part of what the reports are computed from: a new
        // roster or owner set by hand changes the fingerprint, so the next run re-labels the rows.
        var (tracking, trackingTags) = await ReadTrackingAsync(store, unitId, cancellationToken);
        var fingerprint = Fingerprint(listed.Concat(trackingTags));
        if (state?.Fingerprint == fingerprint)
        {
            LogUpToDate(logger, unitId, listed.Count);
            return PublishOutcome.UpToDate;
        }

        var records = await Task.WhenAll(listed.Select(e => store.GetRecordAsync(unitId, e.Name, cancellationToken)));
        StartupPhases.Mark("records listed and read");
        var report = consolidator.Consolidate(unitId, records.OfType<StoredRecord>().Select(r => r.Record), tracking);
        // Rows keep the identity and 序号 they had (tracking data hangs on them); vanished rows stay, withdrawn.
        var (registry, registryTag) = await _tracking.GetRegistryAsync(unitId, cancellationToken);
        var (rows, nextRegistry) = RowReconciler.Reconcile(report.Rectifications, registry, listedAtNow);
        var nextRegistryBytes = SelfReviewJson.Serialize(nextRegistry, SelfReviewJson.RowRegistry);
        if (!nextRegistryBytes.AsSpan().SequenceEqual(registry is null ? [] : SelfReviewJson.Serialize(registry, SelfReviewJson.RowRegistry))
            && await _tracking.PutRegistryAsync(nextRegistry, registryTag, cancellationToken) is null
            && !(await store.GetTrackingAsync(unitId, TrackingStore.RegistryName, cancellationToken) is { } current && current.Content.AsSpan().SequenceEqual(nextRegistryBytes)))
        {
            // Another run's registry (not this run's own write whose response was lost).
            LogSuperseded(logger, unitId, TrackingStore.RegistryName);
            return PublishOutcome.Superseded;
        }

        report = report with { Rectifications = rows };
        StartupPhases.Mark("consolidated");
        var files = writer.Render(report);

        // A file whose bytes and version are those the last run wrote is left alone: a new statement
        // rewrites the unit's lists and its own note, not every member's note.
        var written = new System.Collections.Concurrent.ConcurrentDictionary<string, WrittenFile>(StringComparer.Ordinal);
        var changed = new List<(ReportFile File, string Hash)>();
        foreach (var file in files)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content));
            var tag = reportTags.GetValueOrDefault(file.Name);
            if (tag is not null && state?.Files.GetValueOrDefault(file.Name) is { } last && last.Sha256 == hash && last.ETag == tag)
            {
                written[file.Name] = last;
            }
            else
            {
                changed.Add((file, hash));
            }
        }

        var superseded = 0;
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellationToken }, async (change, ct) =>
        {
            if (Volatile.Read(ref superseded) != 0)
            {
                return;
            }

            var condition = WriteCondition.Expecting(reportTags.GetValueOrDefault(change.File.Name));
            if (await WriteAsync(unitId, change.File.Name, change.File.ContentType, change.File.Content, change.Hash, condition, ct) is { } eTag)
            {
                written[change.File.Name] = new WrittenFile(change.Hash, eTag);
            }
            else
            {
                Interlocked.Exchange(ref superseded, 1);
                LogSuperseded(logger, unitId, change.File.Name);
            }
        });
        if (superseded != 0)
        {
            return PublishOutcome.Superseded;
        }

        // The state last, conditioned on the version read first: it says which records every file above came from.
        var newState = State(unitId, fingerprint, listed.Count, listedAtNow, written);
        if (await WriteAsync(unitId, StateFileName, ReportFormats.JsonType, newState, Convert.ToHexStringLower(SHA256.HashData(newState)), WriteCondition.Expecting(stateFile?.ETag), cancellationToken) is null)
        {
            LogSuperseded(logger, unitId, StateFileName);
            return PublishOutcome.Superseded;
        }

        // The tracking summary (rows, statuses, due dates; what rollups read) follows the new list.
        await _trackingSummary.RebuildAsync(unitId, cancellationToken);
        StartupPhases.Mark("report files written");
        if (Fingerprint((await store.ListRecordsAsync(unitId, cancellationToken)).Concat((await ReadTrackingAsync(store, unitId, cancellationToken)).Tags)) != fingerprint)
        {
            LogRecordsChanged(logger, unitId);
            return PublishOutcome.RecordsChanged;
        }

        LogPublished(logger, unitId, listed.Count, report.Rectifications.Rows.Count, changed.Count, files.Count);
        return PublishOutcome.Published;
    }

    /// <summary>
    /// A conditional write whose failed condition is told apart from the store's retry of a write that did
    /// happen: when the response to the first attempt was lost, the retry finds the entity tag changed by
    /// that very write. Then the file holds exactly these bytes, and the write counts as done (without
    /// this, a run writing a hundred files under a few per cent of lost responses would almost never
    /// finish, and every next run would recompute everything again). Returns the file's entity tag, or
    /// null when another run's content is there.
    /// </summary>
    private async Task<string?> WriteAsync(string unitId, string name, string contentType, byte[] content, string hash, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (await store.PutReportAsync(unitId, name, contentType, content, condition, cancellationToken) is { } eTag)
        {
            return eTag;
        }

        return await store.GetReportAsync(unitId, name, cancellationToken) is { } current
            && Convert.ToHexStringLower(SHA256.HashData(current.Content)) == hash
            ? current.ETag
            : null;
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

    /// <summary>
    /// The unit's tracking documents consolidation applies, with entries for the fingerprint. An unreadable
    /// document counts as absent (it was validated when written; the reports still get published).
    /// </summary>
    private static async Task<(UnitTracking Tracking, List<StoreEntry> Tags)> ReadTrackingAsync(IStatementStore store, string unitId, CancellationToken cancellationToken)
    {
        var tags = new List<StoreEntry>();
        var roster = await store.GetTrackingAsync(unitId, TrackingNames.Roster, cancellationToken);
        var lastYear = await store.GetTrackingAsync(unitId, TrackingNames.LastYear, cancellationToken);
        foreach (var file in new[] { roster, lastYear }.OfType<StoredFile>())
        {
            tags.Add(new StoreEntry("tracking:" + file.Name, file.ETag, file.LastModified, file.Content.Length, null));
        }

        return (new UnitTracking(TryRead(roster, SelfReview.Contracts.SelfReviewJson.UnitRoster), TryRead(lastYear, SelfReview.Contracts.SelfReviewJson.LastYearList)), tags);
    }

    private static T? TryRead<T>(StoredFile? file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return file is null ? null : SelfReview.Contracts.SelfReviewJson.Deserialize(file.Content, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The fingerprint the unit's reports have once they reflect every record and tracking document now stored.</summary>
    public static async Task<string> FingerprintAsync(IStatementStore store, string unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var records = await store.ListRecordsAsync(unitId, cancellationToken);
        return Fingerprint(records.Concat((await ReadTrackingAsync(store, unitId, cancellationToken)).Tags));
    }

    private static PublishState? ReadState(byte[] content)
    {
        try
        {
            using var json = JsonDocument.Parse(content);
            var root = json.RootElement;
            var fingerprint = root.TryGetProperty("fingerprint", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            DateTimeOffset? listedAt = root.TryGetProperty("listedAt", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var t) ? t : null;
            var files = new Dictionary<string, WrittenFile>(StringComparer.Ordinal);
            if (root.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Object)
            {
                foreach (var file in list.EnumerateObject())
                {
                    if (file.Value.ValueKind == JsonValueKind.Object
                        && file.Value.TryGetProperty("sha256", out var sha) && sha.GetString() is { } hash
                        && file.Value.TryGetProperty("etag", out var tag) && tag.GetString() is { } eTag)
                    {
                        files[file.Name] = new WrittenFile(hash, eTag);
                    }
                }
            }

            return new PublishState(fingerprint, listedAt, files);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // an unreadable state only means "recompute and rewrite everything"
        }
    }

    private byte[] State(string unitId, string fingerprint, int records, DateTimeOffset listedAt, IReadOnlyDictionary<string, WrittenFile> files)
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
            // What each report file holds and which version of it this run left: unchanged files are not rewritten.
            json.WriteStartObject("files");
            foreach (var (name, file) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(name);
                json.WriteString("sha256", file.Sha256);
                json.WriteString("etag", file.ETag);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Unit {UnitId} published from {Records} records: {Rows} rectification rows; {Written} of {Files} report files written")]
    private static partial void LogPublished(ILogger logger, string unitId, int records, int rows, int written, int files);

    /// <summary>What the state says of the last run.</summary>
    private sealed record PublishState(string? Fingerprint, DateTimeOffset? ListedAt, IReadOnlyDictionary<string, WrittenFile> Files);

    /// <summary>A report file as a run left it: the SHA-256 of its bytes and the entity tag the store gave it.</summary>
    private sealed record WrittenFile(string Sha256, string ETag);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Unit {UnitId} is up to date with its {Records} records")]
    private static partial void LogUpToDate(ILogger logger, string unitId, int records);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Unit {UnitId}: {Report} was written by another run meanwhile; stopping")]
    private static partial void LogSuperseded(ILogger logger, string unitId, string report);

    [LoggerMessage(EventId = 36, Level = LogLevel.Information, Message = "Unit {UnitId}: the request is answered by reports from a later listing")]
    private static partial void LogAnswered(ILogger logger, string unitId);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information, Message = "Unit {UnitId}: records changed during consolidation")]
    private static partial void LogRecordsChanged(ILogger logger, string unitId);
}
