using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Diagnostics;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Commands;

/// <summary>
/// <c>selfreview process</c>: the engine path of the hosts over a folder store. Each input is stored as an
/// upload (<c>OUT/statements/{unit}/{file}</c>), ingested into its record (<c>OUT/records/{unit}/{sha256}.json</c>),
/// and the unit's reports are published once at the end (<c>OUT/reports/{unit}/…</c>): the layout of the Blob
/// containers, so a folder written here can be served by <c>selfreview serve</c> or copied into Azure.
/// Running it again into the same folder adds to the unit (the same file is recorded once).
/// </summary>
public static class ProcessCommand
{
    public static void ApplyConsolidationOptions(CommandLine line, ConsolidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(options);
        options.UnitName = line["--unit-name"] ?? options.UnitName;
        if (line["--meeting-date"] is { } date)
        {
            options.MeetingDate = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new ArgumentException($"--meeting-date must be YYYY-MM-DD, not '{date}'");
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        await RunAsync(services, line, stdout, stderr, Task.CompletedTask, cancellationToken);

    /// <summary>As above; <paramref name="warmup"/> (<see cref="ExportWarmup"/>, started before the engine was built) is awaited before the reports are written.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter stdout, TextWriter stderr, Task warmup, CancellationToken cancellationToken)
    {
        var outDir = line["--out"] ?? throw new ArgumentException("process needs --out DIR");
        var unitId = line["--unit"] ?? "default";
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            throw new ArgumentException("--unit: " + unitError);
        }

        if (line["--parent"] is { } parentId && (StorageLayout.UnitIdError(parentId) is not null || parentId == unitId))
        {
            throw new ArgumentException("--parent: " + (parentId == unitId ? "a unit cannot be its own parent" : StorageLayout.UnitIdError(parentId)));
        }

        ApplyConsolidationOptions(line, new ConsolidationOptions()); // a bad --meeting-date is a usage error before any work
        var inputs = InputFiles.Expand(line.Positional);
        var store = new FolderStatementStore(outDir);
        var scheduler = new BatchConsolidationScheduler();
        var statusIndex = new BatchStatusIndexWriter(ActivatorUtilities.CreateInstance<UnitStatusIndexer>(services, store));
        var ingestor = ActivatorUtilities.CreateInstance<StatementIngestor>(services, store, scheduler, statusIndex);
        StartupPhases.Mark("engine stages created");
        var names = inputs.ToDictionary(f => f, f => FileNames.Printable(Path.GetFileName(f)), StringComparer.Ordinal);
        var uploads = UploadNames(inputs);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var recordCopies = inputs.ToDictionary(f => f, f => FileNames.UniqueOutputName(Path.GetFileName(f), ".json", used), StringComparer.Ordinal);
        var evalDir = Directory.CreateDirectory(Path.Combine(outDir, StorageLayout.StatementsContainer)).FullName;
        var records = new ConcurrentDictionary<string, StatementRecord>();
        var done = 0;
        var parallel = line["--parallel"] is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            if (await IngestOneAsync(store, ingestor, file, unitId, uploads[file], ct) is { } record)
            {
                records[file] = record;

                // Beside the Blob layout, the record under the input's own name (OUT/statements/a.docx.json), where
                // shared/eval-format.md says the CLI writes it and where measurements read it. Records are keyed by
                // the bytes, so two inputs with the same bytes share one stored record: each copy names its own input.
                var own = record with { Source = record.Source with { FileName = Path.GetFileName(file) } };
                await File.WriteAllBytesAsync(Path.Combine(evalDir, recordCopies[file]), SelfReviewJson.Serialize(own, SelfReviewJson.Record), ct);
            }

            var n = Interlocked.Increment(ref done);
            if (!line.Has("--quiet"))
            {
                await stderr.WriteLineAsync($"[{n}/{inputs.Count}] {names[file]}: {(records.TryGetValue(file, out var r) ? Status(r) : "unreadable")}");
            }
        });

        await statusIndex.FlushAsync(cancellationToken);
        StartupPhases.Mark("files read and recorded");
        if (await ImportTrackingAsync(line, store, unitId, stderr, cancellationToken) is { } failed)
        {
            return failed;
        }

        if (line["--parent"] is { } parent && await new Pipeline.Rollups.UnitProfileStore(store).SetParentAsync(unitId, parent, cancellationToken) is Pipeline.Rollups.ParentOutcome.Refused refused)
        {
            await stderr.WriteLineAsync("--parent: " + refused.Reason);
            return CliApp.Usage;
        }

        await warmup;
        var publisher = ActivatorUtilities.CreateInstance<UnitReportPublisher>(services, store);
        foreach (var unit in scheduler.Requested.Append(unitId).Distinct(StringComparer.Ordinal))
        {
            await publisher.PublishAsync(unit, cancellationToken);
        }

        StartupPhases.Mark("unit consolidated and reports written");
        await ResultTable.WriteAsync(stdout, [.. inputs.Where(records.ContainsKey).Select(f => (names[f], records[f]))]);
        var root = store.Root;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{records.Count} file(s): {records.Values.Count(r => r.Status == RecordStatus.Accepted)} accepted, {records.Values.Count(r => r.Status != RecordStatus.Accepted)} not. " +
            $"Records in {Path.Combine(root, StorageLayout.RecordsContainer, unitId)}, the unit's reports in {Path.Combine(root, StorageLayout.ReportsContainer, unitId)}."));
        return CliApp.Ok;
    }

    /// <summary>
    /// <c>--roster FILE</c> and <c>--last-year FILE</c>: stored under tracking/{unit}/ as the page's uploads
    /// are, before the unit is consolidated; a file that cannot be read stops the run with its reason.
    /// </summary>
    private static async Task<int?> ImportTrackingAsync(CommandLine line, FolderStatementStore store, string unitId, TextWriter stderr, CancellationToken cancellationToken)
    {
        var importer = new Pipeline.Roster.RosterImporter(store, new BatchConsolidationScheduler(), TimeProvider.System);
        foreach (var (option, import) in new (string, Func<string, byte[], Task<Pipeline.Roster.RosterOutcome>>)[]
        {
            ("--roster", (name, bytes) => importer.ImportAsync(unitId, name, bytes, cancellationToken)),
            ("--last-year", (name, bytes) => importer.ImportLastYearAsync(unitId, name, bytes, cancellationToken)),
        })
        {
            if (line[option] is not { } path)
            {
                continue;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcome = await import(FileNames.Printable(Path.GetFileName(path)), await File.ReadAllBytesAsync(path, cancellationToken));
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            switch (outcome)
            {
                case Pipeline.Roster.RosterOutcome.Stored(var view):
                    await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"roster: {view.People.Count} people, {view.Matched} of {view.Total} statements matched ({ms:F0} ms)"));
                    break;
                case Pipeline.Roster.RosterOutcome.LastYearStored(var rows):
                    await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"last year: {rows} rows ({ms:F0} ms)"));
                    break;
                case Pipeline.Roster.RosterOutcome.Invalid(_, var reason):
                    await stderr.WriteLineAsync(option + ": " + reason);
                    return CliApp.Usage;
                default:
                    await stderr.WriteLineAsync(option + ": " + outcome);
                    return CliApp.Usage;
            }
        }

        return null;
    }

    /// <summary>Stores one input as an upload and ingests it; null when the file cannot be read (reported, not recorded: it has no id).</summary>
    private static async Task<StatementRecord?> IngestOneAsync(FolderStatementStore store, StatementIngestor ingestor, string file, string unitId, string name, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // An existing upload of that name with the same bytes is a re-run; other bytes get the next free name.
        var stored = name;
        for (var i = 2; await store.PutUploadAsync(unitId, stored, bytes, cancellationToken) is null; i++)
        {
            if (await store.GetUploadAsync(unitId, stored, cancellationToken) is { } existing && existing.Content.AsSpan().SequenceEqual(bytes))
            {
                break;
            }

            stored = Path.GetFileNameWithoutExtension(name) + "~" + i.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(name);
        }

        try
        {
            return (await ingestor.IngestDeliveryAsync(unitId, stored, lastAttempt: true, cancellationToken)).Record;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The last attempt wrote a failed record with the reason; the batch goes on.
            return (await store.GetRecordAsync(unitId, Pipeline.StatementProcessor.StatementIdOf(bytes), cancellationToken))?.Record;
        }
    }

    /// <summary>
    /// Upload names: the input file name made safe for the layout (any name a system allows gets a record:
    /// separators, controls and reserved characters replaced, within the file-system and store limits),
    /// and unique when two folders hold the same name.
    /// </summary>
    private static Dictionary<string, string> UploadNames(IReadOnlyList<string> inputs)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return inputs.ToDictionary(f => f, f => FileNames.UniqueUploadName(Path.GetFileName(f), used), StringComparer.Ordinal);
    }

    private static string Status(StatementRecord record) => record.Status switch
    {
        RecordStatus.Accepted => $"accepted ({record.Summary?.Problems}/{record.Summary?.Causes}/{record.Summary?.Measures})",
        _ => "rejected: " + record.Rejection?.Code,
    };
}
