using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfReview.Cli.Evaluation;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Image;
using SelfReview.Pipeline.Reading.Ocr;
using SelfReview.Pipeline.Reading.Ocr.Paddle;
using SelfReview.Pipeline.Reading.Pdf;

namespace SelfReview.Cli.Commands;

/// <summary>
/// <c>selfreview ocr-bench &lt;files…&gt; --truth FILE [--engines tesseract,paddleocr]</c>: reads each scan (or
/// PDF, or image) with each engine in turn, the way the pipeline does, and prints per file and engine the
/// pages, seconds per page, character error rate against the truth text, enumerator markers kept, and
/// the peak memory of the process with its child processes (Tesseract runs as children) during that read.
/// Files are read one after another; the pages of one file run in parallel as in production, so seconds
/// per page is the file's wall time divided by its pages on this machine. Engines run in the order
/// given, Tesseract first by default, so PP-OCR's loaded models do not count against Tesseract.
/// </summary>
public static class OcrBenchCommand
{
    public sealed record Row(string File, string Engine, string Origin, int Pages, double Seconds, double? Cer, int MarkersKept, int Markers, long PeakBytes, string? Rejection, double CpuSeconds = 0)
    {
        /// <summary>PP-OCR's wall seconds per stage during this read (with <c>--stages</c>), summed over its pages.</summary>
        public IReadOnlyDictionary<string, double>? Stages { get; init; }

        public double SecondsPerPage => Pages > 0 ? Seconds / Pages : Seconds;

        public double CpuSecondsPerPage => Pages > 0 ? CpuSeconds / Pages : CpuSeconds;
    }

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (line.Positional.Count == 0 || line["--truth"] is not { } truthPath)
        {
            throw new ArgumentException("ocr-bench needs one or more files and --truth FILE (the text they should read as)");
        }

        if (!File.Exists(truthPath))
        {
            throw new ArgumentException($"no such truth file: {truthPath}");
        }

        var truth = await File.ReadAllTextAsync(truthPath, Encoding.UTF8, cancellationToken);
        var engines = (line["--engines"] ?? "tesseract,paddleocr").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = new List<Row>();
        using var stages = line.Has("--stages") ? new StageTotals() : null;
        foreach (var name in engines)
        {
            var readers = ReadersFor(services, name);
            foreach (var file in InputFiles.Expand(line.Positional))
            {
                var before = stages?.Snapshot();
                var row = await MeasureAsync(readers, name, file, await TruthForAsync(file, truth, cancellationToken), cancellationToken);
                rows.Add(stages is null || before is null ? row : row with { Stages = StageTotals.Between(before, stages.Snapshot()) });
            }
        }

        await stdout.WriteAsync(Report(rows, Environment.ProcessorCount));
        return CliApp.Ok;
    }

    /// <summary>
    /// The file's own reference text when one lies beside it (<c>NAME.txt</c> for <c>NAME.png</c>: a scan of
    /// some of the pages, such as the seed's first page alone), else the <c>--truth</c> text.
    /// </summary>
    private static async Task<string> TruthForAsync(string file, string truth, CancellationToken cancellationToken)
    {
        var own = Path.ChangeExtension(file, ".txt");
        return !string.Equals(Path.GetExtension(file), ".txt", StringComparison.OrdinalIgnoreCase) && File.Exists(own)
            ? await File.ReadAllTextAsync(own, Encoding.UTF8, cancellationToken)
            : truth;
    }

    /// <summary>The pipeline's readers with <paramref name="engine"/> behind the ones that OCR.</summary>
    public static IReadOnlyList<IDocumentReader> ReadersFor(IServiceProvider services, string engine)
    {
        IOcrEngine ocr = engine.ToUpperInvariant() switch
        {
            "TESSERACT" => services.GetRequiredService<TesseractOcrEngine>(),
            "PADDLEOCR" or "PPOCR" => services.GetRequiredService<PaddleOcrEngine>(),
            "DOCUMENTINTELLIGENCE" => services.GetRequiredService<DocumentIntelligenceOcrEngine>(),
            _ => throw new ArgumentException($"unknown OCR engine '{engine}': use tesseract, paddleocr or documentintelligence"),
        };
        var options = services.GetRequiredService<IOptions<LimitsOptions>>();
        return
        [
            new PdfTextReader(ocr, options, services.GetRequiredService<ILogger<PdfTextReader>>()),
            new ImageReader(ocr, options),
            .. services.GetServices<IDocumentReader>().Where(r => r is not PdfTextReader and not ImageReader),
        ];
    }

    public static async Task<Row> MeasureAsync(IReadOnlyList<IDocumentReader> readers, string engine, string file, string truth, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var format = FormatSniffer.Detect(bytes);
        var name = Path.GetFileName(file);
        var (_, markers) = EnumeratorMarkers.Compare(truth, truth);
        if (readers.FirstOrDefault(r => r.CanRead(format.Kind)) is not { } reader)
        {
            return new Row(name, engine, "-", 0, 0, null, 0, markers, 0, "unsupported: " + format.Description);
        }

        ReadOutcome outcome;
        double seconds;
        double cpu;
        long peak;
        await using (var memory = new ProcessTreeMemory())
        {
            var cpuBefore = ProcessorTime.Total();
            var started = Stopwatch.GetTimestamp();
            outcome = await reader.ReadAsync(bytes, format, cancellationToken);
            seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            cpu = (ProcessorTime.Total() - cpuBefore).TotalSeconds;
            peak = Math.Max(memory.PeakBytes, ProcessTreeMemory.CurrentBytes());
        }

        if (outcome.Document is not { } document)
        {
            return new Row(name, engine, "-", 0, seconds, null, 0, markers, peak, $"{outcome.RejectionCode}: {outcome.RejectionReason}");
        }

        var text = string.Join('\n', document.Blocks.Select(b => b.Display));
        // The records' spelling: TextOrigin values serialise camel-cased (pdfTextLayer, ocrTesseract …).
        var origin = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(document.Origin.ToString());
        var (kept, total) = EnumeratorMarkers.Compare(truth, text);
        return new Row(name, engine, origin, document.Pages ?? 1, seconds, CharacterErrorRate.Compute(truth, text), kept, total, peak, null, cpu);
    }

    public static string Report(IReadOnlyList<Row> rows, int processors)
    {
        var c = CultureInfo.InvariantCulture;
        var width = Math.Max(4, rows.Count == 0 ? 0 : rows.Max(r => r.File.Length));
        var sb = new StringBuilder();
        sb.Append(c, $"{"file".PadRight(width)}  {"engine",-10} {"origin",-24} {"pages",5} {"s/page",7} {"cpu s/p",7} {"CER",7} {"markers",9} {"peak MB",8}\n");
        sb.Append(new string('-', width)).Append("  ").Append(new string('-', 10)).Append(' ').Append(new string('-', 24)).Append(' ').Append(new string('-', 5))
            .Append(' ').Append(new string('-', 7)).Append(' ').Append(new string('-', 7)).Append(' ').Append(new string('-', 7)).Append(' ').Append(new string('-', 9)).Append(' ').Append(new string('-', 8)).Append('\n');
        foreach (var row in rows)
        {
            var cer = row.Cer is { } value ? value.ToString("0.00%", c) : "-";
            var markers = row.Rejection is null ? $"{row.MarkersKept}/{row.Markers}" : "-";
            sb.Append(c, $"{row.File.PadRight(width)}  {row.Engine,-10} {row.Origin,-24} {row.Pages,5} {row.SecondsPerPage,7:0.00} {row.CpuSecondsPerPage,7:0.00} {cer,7} {markers,9} {row.PeakBytes / 1_048_576.0,8:0}");
            if (row.Rejection is not null)
            {
                sb.Append("  ").Append(row.Rejection);
            }

            sb.Append('\n');
        }

        foreach (var engine in rows.GroupBy(r => r.Engine).Where(g => g.Any(r => r.Rejection is null)))
        {
            var read = engine.Where(r => r.Rejection is null).ToList();
            var pages = read.Sum(r => r.Pages);
            sb.Append(c, $"{engine.Key}: {read.Count} file(s), {pages} page(s), {read.Sum(r => r.Seconds) / Math.Max(1, pages):0.00} s/page wall, {read.Sum(r => r.CpuSeconds) / Math.Max(1, pages):0.00} s/page processor, median CER {Median(read.Select(r => r.Cer!.Value)):0.00%}, markers kept {read.Sum(r => r.MarkersKept)} of {read.Sum(r => r.Markers)}, peak {read.Max(r => r.PeakBytes) / 1_048_576.0:0} MB\n");
        }

        AppendStages(sb, rows);
        sb.Append(c, $"CER: edit distance / reference length over NFKC-normalised text with all whitespace removed. Markers: 一是 （一） 一、 1. of the truth found in the text. Peak: resident memory of this process and its children. cpu s/p: processor time of this process and its children per page. {processors} processor(s), load average {LoadAverage()}, peak resident memory of this process over the run (VmHWM) {ProcessPeakBytes() / 1_048_576.0:0} MB.\n");
        return sb.ToString();
    }

    /// <summary>Per file read by PP-OCR with stage timings: seconds per page in each stage and its share of the stage total.</summary>
    private static void AppendStages(StringBuilder sb, IReadOnlyList<Row> rows)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var row in rows.Where(r => r.Stages is { Count: > 0 } && r.Rejection is null))
        {
            var total = row.Stages!.Values.Sum();
            var pages = Math.Max(1, row.Pages);
            sb.Append(c, $"stages {row.File} ({row.Engine}), wall s/page summed over pages in flight:");
            foreach (var stage in PaddleStages.All)
            {
                var seconds = row.Stages.GetValueOrDefault(stage);
                sb.Append(c, $" {stage} {seconds / pages:0.00} ({(total > 0 ? seconds / total : 0):0%})");
            }

            sb.Append(c, $"; total {total / pages:0.00}\n");
        }
    }

    /// <summary>The process's peak resident memory since it started (VmHWM), in bytes; 0 where /proc is absent.</summary>
    public static long ProcessPeakBytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
