using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;

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

        var names = inputs.ToDictionary(f => f, f => FileNames.Printable(Path.GetFileName(f)), StringComparer.Ordinal);
        var outputs = OutputNames(inputs);
        var records = new ConcurrentDictionary<string, StatementRecord>();
        var done = 0;
        var parallel = line["--parallel"] is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            var record = await ProcessOneAsync(processor, file, unitId, ct);
            records[file] = record;
            await File.WriteAllBytesAsync(Path.Combine(statementsDir, outputs[file]), SelfReviewJson.Serialize(record, SelfReviewJson.Record), ct);
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

        try
        {
            return await processor.ProcessAsync(bytes, Path.GetFileName(file), unitId, cancellationToken);
        }
        catch (Exception ex) when (StatementProcessor.IsInfrastructure(ex))
        {
            // No trigger retries here: the file gets a failed record and the batch goes on.
            var source = new SourceInfo { FileName = Path.GetFileName(file), MediaType = "application/octet-stream", Size = bytes.Length, Sha256 = StatementProcessor.StatementIdOf(bytes) };
            return StatementProcessor.Failed(source.Sha256, unitId, source, $"内部错误（{ex.GetType().Name}）");
        }
    }

    /// <summary>Record file names: the input file name made safe (any name a system allows), unique and within 255 bytes.</summary>
    private static Dictionary<string, string> OutputNames(IReadOnlyList<string> inputs)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return inputs.ToDictionary(f => f, f => FileNames.UniqueOutputName(Path.GetFileName(f), ".json", used), StringComparer.Ordinal);
    }

    private static string Status(StatementRecord record) => record.Status switch
    {
        RecordStatus.Accepted => $"accepted ({record.Summary?.Problems}/{record.Summary?.Causes}/{record.Summary?.Measures})",
        _ => "rejected: " + record.Rejection?.Code,
    };
}
