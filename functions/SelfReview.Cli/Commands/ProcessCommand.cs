using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
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

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var outDir = line["--out"] ?? throw new ArgumentException("process needs --out DIR");
        var unitId = line["--unit"] ?? "default";
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            throw new ArgumentException("--unit: " + unitError);
        }

        ApplyConsolidationOptions(line, new ConsolidationOptions()); // a bad --meeting-date is a usage error before any work
        var inputs = InputFiles.Expand(line.Positional);
        var store = new FolderStatementStore(outDir);
        var scheduler = new BatchConsolidationScheduler();
        var ingestor = ActivatorUtilities.CreateInstance<StatementIngestor>(services, store, scheduler);
        var names = OutputNames(inputs);
        var records = new ConcurrentDictionary<string, StatementRecord>();
        var done = 0;
        var parallel = line["--parallel"] is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            if (await IngestOneAsync(store, ingestor, file, unitId, names[file], ct) is { } record)
            {
                records[file] = record;
            }

            var n = Interlocked.Increment(ref done);
            if (!line.Has("--quiet"))
            {
                await stderr.WriteLineAsync($"[{n}/{inputs.Count}] {names[file]}: {(records.TryGetValue(file, out var r) ? Status(r) : "unreadable")}");
            }
        });

        var publisher = ActivatorUtilities.CreateInstance<UnitReportPublisher>(services, store);
        foreach (var unit in scheduler.Requested.Append(unitId).Distinct(StringComparer.Ordinal))
        {
            await publisher.PublishAsync(unit, cancellationToken);
        }

        await ResultTable.WriteAsync(stdout, [.. inputs.Where(records.ContainsKey).Select(f => (names[f], records[f]))]);
        var root = store.Root;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{records.Count} file(s): {records.Values.Count(r => r.Status == RecordStatus.Accepted)} accepted, {records.Values.Count(r => r.Status != RecordStatus.Accepted)} not. " +
            $"Records in {Path.Combine(root, StorageLayout.RecordsContainer, unitId)}, the unit's reports in {Path.Combine(root, StorageLayout.ReportsContainer, unitId)}."));
        return CliApp.Ok;
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

    /// <summary>Output names: the input file name made valid for the layout, and unique when two folders hold the same name.</summary>
    private static Dictionary<string, string> OutputNames(IReadOnlyList<string> inputs)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in inputs)
        {
            var name = SafeName(Path.GetFileName(file));
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = Path.GetFileNameWithoutExtension(name) + "~" + i.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(name);
            }

            names[file] = candidate;
        }

        return names;
    }

    /// <summary>A file name the layout accepts: forbidden characters become "_", leading dots and spaces go, long names are cut before the extension.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Select(c => char.IsControl(c) || "/\\<>:\"|?*%#".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray();
        var safe = new string(chars).Trim().TrimStart('.');
        if (safe.Length > StorageLayout.MaxFileNameLength)
        {
            var extension = Path.GetExtension(safe);
            extension = extension.Length > 10 ? "" : extension;
            safe = safe[..(StorageLayout.MaxFileNameLength - extension.Length - 2)] + "~" + extension;
        }

        return safe.Length == 0 ? "unnamed" : safe;
    }

    private static string Status(StatementRecord record) => record.Status switch
    {
        RecordStatus.Accepted => $"accepted ({record.Summary?.Problems}/{record.Summary?.Causes}/{record.Summary?.Measures})",
        _ => "rejected: " + record.Rejection?.Code,
    };
}
