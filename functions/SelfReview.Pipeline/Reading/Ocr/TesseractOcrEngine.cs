using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading.Layout;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// OCR with Tesseract on this machine. Scanned PDF pages are rendered one at a time with pdftoppm
/// (grey, <see cref="OcrOptions.Dpi"/>); every page is one single-threaded tesseract process
/// (OMP_THREAD_LIMIT=1: Tesseract's own threads only contend when pages already run in parallel),
/// pages run in parallel up to <see cref="OcrOptions.MaxParallelPages"/> across the whole process, and
/// a page that overruns <see cref="OcrOptions.PageTimeoutSeconds"/> is killed. Lines and their boxes
/// come from the TSV output; paragraphs are rebuilt from indents and line lengths.
/// </summary>
public sealed partial class TesseractOcrEngine : IOcrEngine, IDisposable
{
    private const string InstallHint = "apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils";

    private static readonly Dictionary<string, string> SingleThreaded = new() { ["OMP_THREAD_LIMIT"] = "1" };

    private readonly OcrOptions _options;
    private readonly ILogger<TesseractOcrEngine> _logger;
    private readonly SemaphoreSlim _slots;
    private HashSet<string>? _languages;

    public TesseractOcrEngine(IOptions<OcrOptions> options, ILogger<TesseractOcrEngine> logger)
    {
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.EffectiveParallelism);
    }

    public TextOrigin Origin => TextOrigin.OcrTesseract;

    public async Task<ReadOutcome> RecognizeAsync(OcrRequest request, CancellationToken cancellationToken = default)
    {
        var isPdf = request.Format.Kind == FileKind.Pdf;
        var tesseract = ExternalProcess.Resolve(_options.TesseractPath);
        var pdftoppm = isPdf ? ExternalProcess.Resolve(_options.PdftoppmPath) : null;
        if (tesseract is null || (isPdf && pdftoppm is null))
        {
            LogUnavailable(_logger, tesseract is null ? _options.TesseractPath : _options.PdftoppmPath);
            return ReadOutcome.Rejected("ocr_unavailable", $"本机未安装文字识别（OCR）组件，无法读取扫描件或图片。请安装 Tesseract 中文识别和 PDF 渲染工具：{InstallHint}");
        }

        if (await MissingLanguageAsync(tesseract, cancellationToken) is { } missing)
        {
            LogUnavailable(_logger, "tessdata " + missing);
            return ReadOutcome.Rejected("ocr_unavailable", $"Tesseract 缺少识别语言包 {missing}，无法识别中文。请安装：{InstallHint}");
        }

        // The tools read files: the upload and its page images live in a private (0700) temporary
        // folder for the duration of the call and are deleted after it.
        var work = Directory.CreateTempSubdirectory("selfreview-ocr-");
        try
        {
            var input = Path.Combine(work.FullName, "input" + Extension(request.Format.Kind));
            await File.WriteAllBytesAsync(input, request.Content.ToArray(), cancellationToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var dpi = isPdf ? PdfPageResolution.ByPage(request.Content, request.Pages, _options) : [];
            var pages = request.Format.Kind switch
            {
                FileKind.Pdf => await Task.WhenAll(request.Pages.Select(p => PdfPageAsync(pdftoppm!, tesseract, input, p, dpi[p], work.FullName, cancellationToken))),
                // A multi-page TIFF is read by one process (Tesseract walks its frames), with the time of all its pages.
                FileKind.Tiff => [await ImageAsync(tesseract, input, pageNumber: null, request.Pages.Count, cancellationToken)],
                _ => [await ImageAsync(tesseract, input, pageNumber: 1, 1, cancellationToken)],
            };
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            LogRecognised(_logger, request.Pages.Count, elapsed.TotalSeconds);

            if (pages.FirstOrDefault(p => p.Rejection is not null)?.Rejection is { } rejection)
            {
                return rejection;
            }

            var lines = pages.SelectMany(p => p.Lines).OrderBy(l => l.Page).ToList();
            var blocks = new List<TextBlock>();
            foreach (var run in ConsecutivePages(lines))
            {
                blocks.AddRange(ParagraphAssembler.Assemble(run));
            }

            return ReadOutcome.Read(new TextDocument(blocks, Origin, request.Pages.Count));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task<PageResult> PdfPageAsync(string pdftoppm, string tesseract, string pdf, int page, int dpi, string work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var prefix = Path.Combine(work, "page" + page.ToString(CultureInfo.InvariantCulture));
            var render = await ExternalProcess.RunAsync(
                pdftoppm,
                ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-f", Num(page), "-l", Num(page), "-singlefile", pdf, prefix],
                PageTimeout,
                cancellationToken: cancellationToken);
            if (render.TimedOut)
            {
                return PageResult.Rejected(TimedOut(page));
            }

            if (render.ExitCode != 0 || !File.Exists(prefix + ".png"))
            {
                LogToolFailed(_logger, "pdftoppm", render.ExitCode, page);
                return PageResult.Rejected(ReadOutcome.Rejected("unreadable", $"PDF 第 {page} 页无法渲染为图像，文件可能已损坏"));
            }

            var remaining = PageTimeout - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return await TesseractAsync(tesseract, prefix + ".png", page, Max(remaining, TimeSpan.FromSeconds(1)), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<PageResult> ImageAsync(string tesseract, string image, int? pageNumber, int pageCount, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await TesseractAsync(tesseract, image, pageNumber, PageTimeout * pageCount, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<PageResult> TesseractAsync(string tesseract, string image, int? page, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // "-" writes to stdout; "tsv" selects the TSV renderer (one row per word with its box and paragraph).
        var run = await ExternalProcess.RunAsync(
            tesseract,
            [image, "-", "-l", _options.Language, "--psm", Num(_options.PageSegmentationMode), "tsv"],
            timeout,
            SingleThreaded,
            cancellationToken);
        if (run.TimedOut)
        {
            return PageResult.Rejected(TimedOut(page ?? 1));
        }

        if (run.ExitCode != 0)
        {
            LogToolFailed(_logger, "tesseract", run.ExitCode, page ?? 0);
            return PageResult.Rejected(ReadOutcome.Rejected("unreadable", page is null ? "图片无法识别，文件可能已损坏" : $"第 {page} 页图像无法识别，文件可能已损坏"));
        }

        return new PageResult(TesseractTsv.ReadLines(run.StandardOutput, page), null);
    }

    private async Task<string?> MissingLanguageAsync(string tesseract, CancellationToken cancellationToken)
    {
        if (_languages is null)
        {
            var list = await ExternalProcess.RunAsync(tesseract, ["--list-langs"], TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
            // The list goes to stdout after a heading line ("List of available languages in …").
            var languages = (list.StandardOutput + "\n" + list.StandardError)
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => !l.Contains(' ', StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
            if (list.ExitCode != 0)
            {
                return _options.Language;
            }

            _languages = languages;
        }

        return _options.Language.Split('+').FirstOrDefault(l => !_languages.Contains(l));
    }

    private TimeSpan PageTimeout => TimeSpan.FromSeconds(_options.PageTimeoutSeconds);

    private ReadOutcome TimedOut(int page) => ReadOutcome.Rejected(
        "ocr_timeout",
        $"第 {page} 页文字识别超时（超过 {_options.PageTimeoutSeconds} 秒），请确认扫描件清晰、尺寸正常后重新上传");

    private static IEnumerable<List<LayoutLine>> ConsecutivePages(List<LayoutLine> lines)
    {
        var run = new List<LayoutLine>();
        foreach (var line in lines)
        {
            if (run.Count > 0 && line.Page > run[^1].Page + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(line);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Png => ".png",
        FileKind.Jpeg => ".jpg",
        FileKind.Tiff => ".tif",
        _ => ".bin",
    };

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record PageResult(IReadOnlyList<LayoutLine> Lines, ReadOutcome? Rejection)
    {
        public static PageResult Rejected(ReadOutcome rejection) => new([], rejection);
    }

    [LoggerMessage(EventId = 411, Level = LogLevel.Warning, Message = "OCR unavailable: {Missing} not found")]
    private static partial void LogUnavailable(ILogger logger, string missing);

    [LoggerMessage(EventId = 412, Level = LogLevel.Information, Message = "Tesseract read {Pages} pages in {Seconds:F1} s")]
    private static partial void LogRecognised(ILogger logger, int pages, double seconds);

    [LoggerMessage(EventId = 413, Level = LogLevel.Warning, Message = "{Tool} exited with code {ExitCode} on page {Page}")]
    private static partial void LogToolFailed(ILogger logger, string tool, int exitCode, int page);
}
