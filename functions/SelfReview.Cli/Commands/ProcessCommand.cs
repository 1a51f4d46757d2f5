using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;

namespace SelfReview.Cli.Commands;

/// <summary><c>selfreview process</c>: statements in, records and the unit's reports out.</summary>
public static class ProcessCommand
{
    public static ConsolidationOptions ConsolidationOptionsFrom(CommandLine line)
    {
        var options = new ConsolidationOptions { UnitName = line["--unit-name"] };
        if (line["--meeting-date"] is { } date)
        {
            options.MeetingDate = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new ArgumentException($"--meeting-date must be YYYY-MM-DD, not '{date}'");
        }

        return options;
    }

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (line.Positional.Count == 0)
        {
            throw new ArgumentException("process needs at least one file or folder");
        }

        var outDir = line["--out"] ?? throw new ArgumentException("process needs --out DIR");
        var unitId = line["--unit"] ?? "default";
        var inputs = InputFiles.Expand(line.Positional);
        var processor = services.GetRequiredService<StatementProcessor>();
        var statementsDir = Directory.CreateDirectory(Path.Combine(outDir, "statements")).FullName;
        var unitDir = Directory.CreateDirectory(Path.Combine(outDir, "unit")).FullName;

        var names = OutputNames(inputs);
        var records = new ConcurrentDictionary<string, StatementRecord>();
        var done = 0;
        var parallel = line["--parallel"] is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            var record = await ProcessOneAsync(processor, file, unitId, ct);
            records[file] = record;
            await File.WriteAllBytesAsync(Path.Combine(statementsDir, names[file] + ".json"), SelfReviewJson.Serialize(record, SelfReviewJson.Record), ct);
            var n = Interlocked.Increment(ref done);
            if (!line.Has("--quiet"))
            {
                await stderr.WriteLineAsync($"[{n}/{inputs.Count}] {names[file]}: {Status(record)}");
            }
        });

        var report = services.GetRequiredService<UnitConsolidator>().Consolidate(unitId, records.Values);
        foreach (var file in services.GetRequiredService<ReportWriter>().Render(report))
        {
            await File.WriteAllBytesAsync(Path.Combine(unitDir, file.Name), file.Content, cancellationToken);
        }

        await ResultTable.WriteAsync(stdout, inputs.Select(f => (names[f], records[f])).ToList());
        await stdout.WriteLineAsync($"{records.Count} file(s): {records.Values.Count(r => r.Status == RecordStatus.Accepted)} accepted, {records.Values.Count(r => r.Status != RecordStatus.Accepted)} not. Records in {statementsDir}, unit reports in {unitDir}.");
        return CliApp.Ok;
    }

    /// <summary>Reads and processes one file; a file that cannot be read still gets a record.</summary>
    private static async Task<StatementRecord> ProcessOneAsync(StatementProcessor processor, string file, string unitId, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var name = Path.GetFileName(file);
            return new StatementRecord
            {
                StatementId = string.Empty,
                UnitId = unitId,
                Status = RecordStatus.Rejected,
                Source = new SourceInfo { FileName = name, MediaType = "application/octet-stream", Size = 0, Sha256 = string.Empty },
                Rejection = new Rejection("unreadable", $"文件“{name}”无法读取：{ex.GetType().Name}。"),
            };
        }

        return await processor.ProcessAsync(bytes, Path.GetFileName(file), unitId, cancellationToken);
    }

    /// <summary>Output names: the input file name, made unique when two folders hold the same name.</summary>
    private static Dictionary<string, string> OutputNames(IReadOnlyList<string> inputs)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in inputs)
        {
            var name = Path.GetFileName(file);
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = Path.GetFileNameWithoutExtension(name) + "~" + i.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(name);
            }

            names[file] = candidate;
        }

        return names;
    }

    private static string Status(StatementRecord record) => record.Status switch
    {
        RecordStatus.Accepted => $"accepted ({record.Summary?.Problems}/{record.Summary?.Causes}/{record.Summary?.Measures})",
        _ => "rejected: " + record.Rejection?.Code,
    };
}
