using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Cli.Evaluation;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Cli.Commands;

/// <summary>
/// <c>selfreview ocr-bench &lt;files…&gt; --truth FILE</c>: reads each scan (or PDF, or image) the way the
/// pipeline does and prints pages, seconds per page and the character error rate against the truth text.
/// Files are read one after another; the pages of one file run in parallel as they do in production,
/// so seconds per page is the file's wall time divided by its pages on this machine.
/// </summary>
public static class OcrBenchCommand
{
    public sealed record Row(string File, string Origin, int Pages, double Seconds, double? Cer, string? Rejection)
    {
        public double SecondsPerPage => Pages > 0 ? Seconds / Pages : Seconds;
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
        var readers = services.GetServices<IDocumentReader>().ToList();
        var rows = new List<Row>();
        foreach (var file in InputFiles.Expand(line.Positional))
        {
            rows.Add(await MeasureAsync(readers, file, truth, cancellationToken));
        }

        await stdout.WriteAsync(Report(rows, Environment.ProcessorCount));
        return CliApp.Ok;
    }

    public static async Task<Row> MeasureAsync(IReadOnlyList<IDocumentReader> readers, string file, string truth, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var format = FormatSniffer.Detect(bytes);
        var name = Path.GetFileName(file);
        if (readers.FirstOrDefault(r => r.CanRead(format.Kind)) is not { } reader)
        {
            return new Row(name, "-", 0, 0, null, "unsupported: " + format.Description);
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = await reader.ReadAsync(bytes, format, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (outcome.Document is not { } document)
        {
            return new Row(name, "-", 0, seconds, null, $"{outcome.RejectionCode}: {outcome.RejectionReason}");
        }

        var text = string.Join('\n', document.Blocks.Select(b => b.Display));
        // The records' spelling: TextOrigin values serialise camel-cased (pdfTextLayer, ocrTesseract …).
        var origin = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(document.Origin.ToString());
        return new Row(name, origin, document.Pages ?? 1, seconds, CharacterErrorRate.Compute(truth, text), null);
    }

    public static string Report(IReadOnlyList<Row> rows, int processors)
    {
        var c = CultureInfo.InvariantCulture;
        var width = Math.Max(4, rows.Count == 0 ? 0 : rows.Max(r => r.File.Length));
        var sb = new StringBuilder();
        sb.Append(c, $"{"file".PadRight(width)}  {"origin",-24} {"pages",5} {"s/page",7} {"CER",7}\n");
        sb.Append(new string('-', width)).Append("  ").Append(new string('-', 24)).Append(' ').Append(new string('-', 5))
            .Append(' ').Append(new string('-', 7)).Append(' ').Append(new string('-', 7)).Append('\n');
        foreach (var row in rows)
        {
            var cer = row.Cer is { } value ? value.ToString("0.00%", c) : "-";
            sb.Append(c, $"{row.File.PadRight(width)}  {row.Origin,-24} {row.Pages,5} {row.SecondsPerPage,7:0.00} {cer,7}");
            if (row.Rejection is not null)
            {
                sb.Append("  ").Append(row.Rejection);
            }

            sb.Append('\n');
        }

        sb.Append(c, $"CER: edit distance / reference length over NFKC-normalised text with all whitespace removed. {processors} processor(s).\n");
        return sb.ToString();
    }
}
