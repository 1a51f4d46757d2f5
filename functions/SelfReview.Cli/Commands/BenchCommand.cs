using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Cli.Benchmarking;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Classification;
using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Docx;

namespace SelfReview.Cli.Commands;

/// <summary>
/// <c>selfreview bench</c>: medians of every stage over a folder of .docx statements, measured in one
/// run on the same files — per stage, per file against the floor (unzip + XmlReader) and against
/// pandoc, consolidation at growing unit sizes with memory, exports of a 1,000-row list, and
/// <c>selfreview process</c> end to end. A Stopwatch harness (warm-up, then timed runs); the
/// BenchmarkDotNet project in bench/ is the precise tool for one stage at a time.
/// </summary>
public static class BenchCommand
{
    private const int ExportRows = 1000;
    private const int ParseTargetCharacters = 5000;

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Has("--startup") || line["--listing"] is not null)
        {
            if (line.Positional.Count != 1 || !File.Exists(line.Positional[0]))
            {
                throw new ArgumentException("bench --startup and --listing need one .docx statement");
            }

            if (line.Has("--startup"))
            {
                await FreshProcessBench.WriteStartupAsync(line.Positional[0], Count(line, "--runs", 5), stdout, cancellationToken);
            }

            if (line["--listing"] is not null)
            {
                await ListingBench.WriteAsync(services.GetRequiredService<StatementProcessor>(), line.Positional[0], line["--blob"] ?? "UseDevelopmentStorage=true", Count(line, "--listing", 1000), stdout, cancellationToken);
            }

            return CliApp.Ok;
        }

        if (line.Has("--rollup"))
        {
            if (line.Positional.Count != 1 || !Directory.Exists(line.Positional[0]))
            {
                throw new ArgumentException("bench --rollup needs one folder of .docx statements");
            }

            var loadAtStart = LoadAverage();
            await RollupBench.WriteAsync(services, line.Positional[0], Count(line, "--units", 300), Count(line, "--members", 40), stdout, stderr, cancellationToken);
            await stdout.WriteLineAsync($"load average at the start: {loadAtStart}; at the end: {LoadAverage()}");
            return CliApp.Ok;
        }

        if (line.Has("--batch"))
        {
            if (line.Positional.Count != 1 || !Directory.Exists(line.Positional[0]))
            {
                throw new ArgumentException("bench --batch needs one folder of .docx statements");
            }

            await FreshProcessBench.WriteBatchAsync(line.Positional[0], stdout, cancellationToken);
            return CliApp.Ok;
        }

        if (line.Positional.Count != 1 || !Directory.Exists(line.Positional[0]))
        {
            throw new ArgumentException("bench needs one folder of .docx statements (make one: dotnet run --project tests/SelfReview.Fixtures -- generate --count 1000 --out DIR)");
        }

        var folder = line.Positional[0];
        var all = Directory.EnumerateFiles(folder, "*.docx").Order(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException($"no .docx files in {folder} (make some: dotnet run --project tests/SelfReview.Fixtures -- generate --count 1000 --out {folder})");
        }

        var files = all.Take(Count(line, "--files", 1000)).ToList();
        var iterations = Count(line, "--iterations", 200);
        var pandocFiles = Math.Min(Count(line, "--pandoc", files.Count, allowZero: true), files.Count);
        var sizes = (line["--sizes"] ?? "100,1000,10000").Split(',').Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"--sizes takes counts like 100,1000,10000, not '{s}'")).Order().ToList();

        var table = new BenchTable();
        await stdout.WriteLineAsync(Header(folder, all.Count, files.Count));
        var processor = services.GetRequiredService<StatementProcessor>();
        var reader = services.GetServices<IDocumentReader>().OfType<DocxReader>().Single();
        var format = new DetectedFormat(FileKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)");

        // Every file read once: the typical statement (median length) and the one nearest 5,000 characters.
        var bytes = files.Select(File.ReadAllBytes).ToList();
        var documents = new List<TextDocument>(files.Count);
        foreach (var content in bytes)
        {
            documents.Add((await reader.ReadAsync(content, format, cancellationToken)).Document ?? throw new InvalidDataException("a benchmark file is not a readable .docx"));
        }

        var byLength = Enumerable.Range(0, files.Count).OrderBy(i => documents[i].Characters).ToList();
        var typical = byLength[byLength.Count / 2];
        var long5000 = byLength.MinBy(i => Math.Abs(documents[i].Characters - ParseTargetCharacters));
        var warmup = TimeSpan.FromMilliseconds(Count(line, "--warmup", 3000, allowZero: true));

        await stderr.WriteLineAsync("bench: stages …");
        var read = await Timings.MeasureAsync(() => reader.ReadAsync(bytes[typical], format, cancellationToken), warmup, iterations);
        table.Add($"read .docx (DocxReader, typical statement: {documents[typical].Characters:N0} chars, {bytes[typical].Length / 1024.0:0.0} KB)", $"{iterations} runs", read);

        var cleaner = services.GetRequiredService<TextCleaner>();
        var parser = services.GetRequiredService<StatementParser>();
        var classifier = services.GetRequiredService<CategoryClassifier>();
        var parseDocument = documents[long5000];
        var parse = Timings.Measure(
            () =>
            {
                var parsed = parser.Parse(cleaner.Clean(parseDocument).Lines);
                foreach (var item in parsed.ItemsOf(SectionKind.Problems))
                {
                    classifier.Classify(item.Title, item.Text, item.Aspect);
                }
            },
            warmup,
            iterations);
        table.Add($"clean + parse + classify ({parseDocument.Characters:N0}-char statement)", $"{iterations} runs", parse, Target(Timings.Median(parse), 2, "< 2 ms"));

        var source = new SourceInfo { FileName = "bench.docx", MediaType = format.MediaType, Size = bytes[long5000].Length, Sha256 = "bench" };
        var analyze = Timings.Measure(() => processor.Analyze(parseDocument, "bench", "bench", source), warmup, iterations);
        table.Add("analyze: everything after reading (same statement)", $"{iterations} runs", analyze);

        await stderr.WriteLineAsync($"bench: {files.Count} files one by one …");
        var floor = await Timings.EachAsync(bytes, b => Task.FromResult(DocxTextFloor.Read(b)), warmup);
        table.Add("floor: unzip + XmlReader, w:t text concatenated", $"{files.Count} files", floor);

        var records = new StatementRecord[all.Count];
        var indexes = Enumerable.Range(0, files.Count).ToList();
        var ours = await Timings.EachAsync(indexes, async i => records[i] = await processor.ProcessAsync(bytes[i], Path.GetFileName(files[i]), "bench", cancellationToken), warmup);
        table.Add(".docx → StatementRecord (ProcessAsync, bytes in memory)", $"{files.Count} files", ours, Target(Timings.Median(ours), 1.5, "≤ 1.5 ms"));

        var scratch = Directory.CreateTempSubdirectory("selfreview-bench-").FullName;
        try
        {
            var full = await Timings.EachAsync(files, async f =>
            {
                var record = await processor.ProcessAsync(await File.ReadAllBytesAsync(f, cancellationToken), Path.GetFileName(f), "bench", cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(scratch, Path.GetFileName(f) + ".json"), SelfReviewJson.Serialize(record, SelfReviewJson.Record), cancellationToken);
            }, warmup);
            table.Add("full pipeline per file: read file, process, JSON record written", $"{files.Count} files", full);

            await ComparePandocAsync(table, files.Take(pandocFiles).ToList(), Timings.Median(ours), warmup, stderr, cancellationToken);

            await stderr.WriteLineAsync("bench: consolidation …");
            var more = Enumerable.Range(files.Count, Math.Max(0, Math.Min(all.Count, sizes[^1]) - files.Count)).ToList();
            await Parallel.ForEachAsync(more, cancellationToken, async (i, ct) =>
                records[i] = await processor.ProcessAsync(await File.ReadAllBytesAsync(all[i], ct), Path.GetFileName(all[i]), "bench", ct));
            var available = records.Where(r => r is not null).ToList();
            var consolidator = services.GetRequiredService<UnitConsolidator>();
            consolidator.Consolidate("bench", available.Take(sizes[0]));
            foreach (var size in sizes)
            {
                if (size > available.Count)
                {
                    table.Skip($"consolidate {size:N0} statements", $"only {available.Count:N0} statements in the folder: generate more");
                    continue;
                }

                Consolidate(table, consolidator, available.Take(size).ToList(), size);
            }

            await stderr.WriteLineAsync("bench: exports …");
            Exports(table, services, ThousandRows(consolidator, available), Math.Min(iterations, 20), warmup);

            await stderr.WriteLineAsync($"bench: selfreview process on {files.Count} files …");
            var output = Path.Combine(scratch, "process");
            var start = Stopwatch.GetTimestamp();
            var code = await CliApp.RunAsync(["process", .. files, "--out", output, "--unit", "bench", "--quiet"], TextWriter.Null, stderr, cancellationToken);
            var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            table.Add(
                $"selfreview process, {files.Count:N0} files end to end (in this process, --parallel {Environment.ProcessorCount}; exit {code})",
                "1 run",
                [wall],
                files.Count == 1000 ? Target(wall, 10_000, "≤ 10 s") : $"{wall / files.Count:0.00} ms per file");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        await stdout.WriteAsync(table.Render());
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB; load average at the end: {LoadAverage()}"));
        return CliApp.Ok;
    }

    private static async Task ComparePandocAsync(BenchTable table, List<string> files, double oursMedian, TimeSpan warmup, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            table.Skip("pandoc -t plain per file", "left out (--pandoc 0)");
            return;
        }

        if (await Pandoc.VersionAsync(cancellationToken) is not { } version)
        {
            table.Skip("pandoc -t plain per file", Pandoc.InstallHint);
            return;
        }

        await stderr.WriteLineAsync($"bench: {version} on {files.Count} files …");
        var times = await Timings.EachAsync(files, f => Pandoc.ToPlainTextAsync(f, cancellationToken), warmup);
        var ratio = Timings.Median(times) / oursMedian;
        table.Add($"peer: {version} -f docx -t plain, a process per file", $"{files.Count} files", times,
            string.Create(CultureInfo.InvariantCulture, $"ours {ratio:N0}× faster (target ≥ 50×: {(ratio >= 50 ? "met" : "MISSED")})"));
    }

    private static void Consolidate(BenchTable table, UnitConsolidator consolidator, List<StatementRecord> records, int size)
    {
        var runs = Math.Clamp(20_000 / size, 2, 5);
        var times = new List<double>(runs);
        UnitReport? report = null;
        long peak;
        long allocated;
        long baseline;
        using (var sampler = new MemorySampler())
        {
            baseline = sampler.Baseline;
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                report = consolidator.Consolidate("bench", records);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            (peak, allocated) = sampler.Stop();
        }

        var problems = report!.Summary.Problems;
        var median = Timings.Median(times);
        var target = size switch
        {
            1000 => " — " + Target(median, 1000, "≤ 1 s"),
            10000 => " — " + Target(median, 12_000, "≤ 12 s"),
            _ => string.Empty,
        };
        table.Add(
            $"consolidate {size:N0} statements ({problems:N0} problems, {report.Summary.CommonProblems.Count:N0} common, {report.Rectifications.Rows.Count:N0} rows)",
            $"{runs} runs",
            times,
            string.Create(CultureInfo.InvariantCulture, $"{median / problems * 1000:0.0} ms per 1,000 problems; heap: records {baseline / 1048576.0:N0} MB + peak {peak / 1048576.0:N0} MB; allocated {allocated / runs / 1048576.0:N0} MB per run; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB{target}"));
    }

    /// <summary>
    /// A 1,000-row list as offices export it: units' lists one after another (generated files are named
    /// u0001-001.docx, unit first), repeated and renumbered when the folder holds fewer rows.
    /// </summary>
    private static RectificationList ThousandRows(UnitConsolidator consolidator, IReadOnlyList<StatementRecord> records)
    {
        var rows = new List<RectificationRow>();
        RectificationList? first = null;
        foreach (var unit in records.GroupBy(r => r.Source.FileName.Split('-')[0], StringComparer.Ordinal))
        {
            var list = consolidator.Consolidate(unit.Key, unit).Rectifications;
            first ??= list;
            rows.AddRange(list.Rows);
            if (rows.Count >= ExportRows)
            {
                break;
            }
        }

        return first! with { Rows = [.. Enumerable.Range(0, ExportRows).Select(i => rows[i % rows.Count] with { Number = i + 1 })] };
    }

    private static void Exports(BenchTable table, IServiceProvider services, RectificationList thousand, int iterations, TimeSpan warmup)
    {
        var csv = services.GetRequiredService<CsvExporter>();
        var xlsx = services.GetRequiredService<XlsxExporter>();
        var docx = services.GetRequiredService<DocxExporter>();
        foreach (var (name, export) in new (string, Func<byte[]>)[] { ("CSV", () => csv.Export(thousand)), ("XLSX", () => xlsx.Export(thousand)), ("DOCX", () => docx.Export(thousand)) })
        {
            var size = export().Length;
            table.Add($"export {name}, {ExportRows:N0}-row rectification list ({size / 1024.0:N0} KB)", $"{iterations} runs", Timings.Measure(() => export(), warmup, iterations));
        }
    }

    private static string Target(double measuredMs, double limitMs, string target) =>
        measuredMs <= limitMs ? $"target {target}: met" : $"target {target}: MISSED";

    private static int Count(CommandLine line, string option, int fallback, bool allowZero = false)
    {
        if (line[option] is not { } value)
        {
            return fallback;
        }

        return int.TryParse(value, CultureInfo.InvariantCulture, out var n) && (n > 0 || (allowZero && n == 0))
            ? n
            : throw new ArgumentException($"{option} takes a count, not '{value}'");
    }

    private static string Header(string folder, int available, int files)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"selfreview bench — {files:N0} of {available:N0} .docx in {Path.GetFullPath(folder)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}; load average at the start: {LoadAverage()}\n");
        return sb.ToString();
    }

    /// <summary>The 1/5/15-minute load averages (Linux), to judge whether the machine was quiet.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
