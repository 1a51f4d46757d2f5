using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading.Layout;
using SelfReview.Pipeline.Reading.Ocr.Paddle;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// OCR in process with PaddlePaddle's PP-OCRv4 mobile Chinese models on ONNX Runtime: text lines found
/// by the detection model (<see cref="TextDetector"/>), each read by the recognition model
/// (<see cref="TextRecognizer"/>), put in reading order (<see cref="ReadingOrder"/>) and rebuilt into
/// paragraphs by <see cref="ParagraphAssembler"/>, as Tesseract's lines are. A page lying on its side
/// is recognised by its boxes (text lines taller than wide) and turned; a page upside down by the
/// recognition confidence of a few of its lines read both ways up. The models are loaded once, on the
/// first scan, and shared by all pages; pages run in parallel up to <see cref="OcrOptions.MaxParallelPages"/>
/// across the process.
/// </summary>
public sealed partial class PaddleOcrEngine : IOcrEngine, IDisposable
{
    /// <summary>Lines read with less confidence than this are noise (PaddleOCR's <c>drop_score</c>).</summary>
    private const float DropScore = 0.5f;

    /// <summary>Lines compared upright and upside down to tell whether a page is turned by 180°.</summary>
    private const int OrientationSamples = 4;

    /// <summary>Length of the piece of each sample line that is read, in line heights.</summary>
    private const float SampleLength = 12;

    private readonly OcrOptions _options;
    private readonly ILogger<PaddleOcrEngine> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly Lazy<PaddleModels> _models;

    public PaddleOcrEngine(IOptions<OcrOptions> options, ILogger<PaddleOcrEngine> logger)
    {
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.EffectiveParallelism);
        // Detection runs one page at a time (PaddleModels.DetectionGate) with every processor; recognition
        // runs one thread per batch, as many batches at once as there are processors, from whichever pages are in flight.
        var detectionThreads = _options.IntraOpThreads > 0 ? _options.IntraOpThreads : Environment.ProcessorCount;
        var recognitionThreads = _options.IntraOpThreads > 0 ? _options.IntraOpThreads : 1;
        var recognitionSlots = Math.Max(1, Environment.ProcessorCount / recognitionThreads);
        _models = new Lazy<PaddleModels>(
            () => PaddleModels.Load(_options.EffectiveModelsDirectory, detectionThreads, recognitionThreads, recognitionSlots),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public TextOrigin Origin => TextOrigin.OcrPaddle;

    /// <summary>The full path of the first model file missing from the configured models directory, or null when all are there.</summary>
    public static string? MissingModel(OcrOptions options) =>
        PaddleModels.MissingFile(options.EffectiveModelsDirectory) is { } file ? Path.Combine(options.EffectiveModelsDirectory, file) : null;

    public async Task<ReadOutcome> RecognizeAsync(OcrRequest request, CancellationToken cancellationToken = default)
    {
        if (MissingModel(_options) is { } missing)
        {
            LogModelsMissing(_logger, missing);
            return ReadOutcome.Rejected("ocr_unavailable", MissingModelMessage(missing));
        }

        var isPdf = request.Format.Kind == FileKind.Pdf;
        var pdftoppm = isPdf ? ExternalProcess.Resolve(_options.PdftoppmPath) : null;
        if (isPdf && pdftoppm is null)
        {
            LogModelsMissing(_logger, _options.PdftoppmPath);
            return ReadOutcome.Rejected("ocr_unavailable", "本机未安装 PDF 渲染工具 pdftoppm，无法读取扫描的 PDF。请安装：apt-get install poppler-utils");
        }

        var work = isPdf ? Directory.CreateTempSubdirectory("selfreview-ppocr-") : null;
        try
        {
            var started = Stopwatch.GetTimestamp();
            var bytes = request.Content.ToArray();
            string? pdf = null;
            Dictionary<int, int> dpi = [];
            if (work is not null)
            {
                pdf = Path.Combine(work.FullName, "input.pdf");
                await File.WriteAllBytesAsync(pdf, bytes, cancellationToken);
                dpi = PdfPageResolution.ByPage(request.Content, request.Pages, _options);
            }

            var pages = await Task.WhenAll(request.Pages.Select(page => PageAsync(request.Format.Kind, bytes, pdftoppm, pdf, page, dpi, work?.FullName, cancellationToken)));
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRecognised(_logger, request.Pages.Count, elapsed.TotalSeconds);
            if (pages.FirstOrDefault(p => p.Rejection is not null)?.Rejection is { } rejection)
            {
                return rejection;
            }

            var blocks = new List<TextBlock>();
            foreach (var run in ConsecutivePages(pages.SelectMany(p => p.Lines).OrderBy(l => l.Page).ToList()))
            {
                blocks.AddRange(ParagraphAssembler.Assemble(run));
            }

            return ReadOutcome.Read(new TextDocument(blocks, Origin, request.Pages.Count));
        }
        finally
        {
            work?.Delete(recursive: true);
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        if (_models.IsValueCreated)
        {
            _models.Value.Dispose();
        }
    }

    /// <summary>The Chinese reason given when the models are not installed.</summary>
    internal static string MissingModelMessage(string missing) =>
        $"本机缺少 PP-OCR 文字识别模型文件 {Path.GetFileName(missing)}（应在 {Path.GetDirectoryName(missing)}），无法读取扫描件或图片。请运行 bash scripts/setup.sh 安装模型（tools/ocr-models），或设置 Ocr__Engine=Tesseract 改用 Tesseract。";

    private async Task<PageResult> PageAsync(
        FileKind kind, byte[] bytes, string? pdftoppm, string? pdf, int page, Dictionary<int, int> dpi, string? work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(_options.PageTimeoutSeconds));
            GrayImage? image;
            var started = Stopwatch.GetTimestamp();
            if (kind == FileKind.Pdf)
            {
                var (rendered, run) = await PageDecoder.RenderPdfPageAsync(pdftoppm!, pdf!, page, dpi[page], work!, TimeSpan.FromSeconds(_options.PageTimeoutSeconds), cancellationToken);
                if (run.TimedOut)
                {
                    return PageResult.Rejected(TimedOut(page));
                }

                image = rendered;
                if (image is null)
                {
                    LogPageUnreadable(_logger, page, run.ExitCode);
                    return PageResult.Rejected(ReadOutcome.Rejected("unreadable", $"PDF 第 {page} 页无法渲染为图像，文件可能已损坏"));
                }
            }
            else
            {
                image = await Task.Run(() => kind == FileKind.Tiff ? PageDecoder.DecodeTiffFrame(bytes, page) : PageDecoder.DecodeImage(bytes), cancellationToken);
                if (image is null)
                {
                    LogPageUnreadable(_logger, page, 0);
                    return PageResult.Rejected(ReadOutcome.Rejected("unreadable", kind == FileKind.Tiff ? $"TIFF 第 {page} 页无法解码，文件可能已损坏" : "图片无法解码，文件可能已损坏"));
                }
            }

            PaddleStages.Record(PaddleStages.Decode, started);
            try
            {
                return new PageResult(await Task.Run(() => ReadPage(image, page, limit.Token), CancellationToken.None), null);
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or OperationCanceledException && limit.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return PageResult.Rejected(TimedOut(page));
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private List<LayoutLine> ReadPage(GrayImage image, int page, CancellationToken stop)
    {
        var models = _models.Value;
        var boxes = TextDetector.Detect(models, image, _options.DetectionMaxSide, stop);
        var turned = 0;
        if (LiesOnItsSide(boxes))
        {
            image = image.Rotate(1);
            boxes = TextDetector.Detect(models, image, _options.DetectionMaxSide, stop);
            turned = 90;
        }

        // Every line is read as it stands; only when the start of its longest lines reads better upside
        // down is the page turned and read again (a rare page, read twice, rather than every page paying
        // for a second look at its sample lines upright).
        var read = TextRecognizer.Recognise(models, image, boxes, stop);
        var started = Stopwatch.GetTimestamp();
        var upsideDown = UpsideDown(models, image, boxes, read, stop);
        PaddleStages.Record(PaddleStages.Orientation, started);
        if (upsideDown)
        {
            var (width, height) = (image.Width, image.Height);
            boxes = [.. boxes.Select(b => b.OnPageTurnedHalf(width, height))];
            image = image.Rotate(2);
            turned += 180;
            read = TextRecognizer.Recognise(models, image, boxes, stop);
        }

        if (turned != 0)
        {
            LogTurned(_logger, page, turned);
        }

        var lines = new List<RecognisedLine>(read.Count);
        foreach (var line in read)
        {
            if (line.Confidence >= DropScore && !string.IsNullOrWhiteSpace(line.Text))
            {
                lines.Add(line);
            }
        }

        started = Stopwatch.GetTimestamp();
        var ordered = ReadingOrder.Lines(lines, page, image.Width);
        PaddleStages.Record(PaddleStages.Layout, started);
        return ordered;
    }

    /// <summary>Most of the clearly elongated boxes are taller than wide: the lines run down the page, which lies on its side.</summary>
    private static bool LiesOnItsSide(List<Quad> boxes)
    {
        var elongated = boxes.Where(b => Math.Max(b.Width, b.Height) >= 3 * Math.Min(b.Width, b.Height)).ToList();
        var tall = elongated.Count(b => b.Height > b.Width);
        return tall >= 3 && tall > elongated.Count - tall;
    }

    /// <summary>
    /// The longest lines (<paramref name="read"/> as they stand) read with less confidence than the start
    /// of each read upside down.
    /// </summary>
    private static bool UpsideDown(PaddleModels models, GrayImage image, List<Quad> boxes, List<RecognisedLine> read, CancellationToken stop)
    {
        // The start of each of the longest lines, a dozen characters: enough to tell, and short lines are cheap to read.
        var longest = Enumerable.Range(0, boxes.Count).Where(i => boxes[i].Width >= 3 * boxes[i].Height)
            .OrderByDescending(i => boxes[i].Width).Take(OrientationSamples).ToList();
        if (longest.Count == 0)
        {
            return false;
        }

        var flipped = TextRecognizer.Recognise(
            models,
            image,
            [.. longest.Select(i => boxes[i]).Select(b => (b.Width > SampleLength * b.Height ? b.Start(SampleLength * b.Height) : b).Flipped)],
            stop,
            timed: false);
        return flipped.Average(l => l.Confidence) > longest.Average(i => read[i].Confidence);
    }

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

    private sealed record PageResult(IReadOnlyList<LayoutLine> Lines, ReadOutcome? Rejection)
    {
        public static PageResult Rejected(ReadOutcome rejection) => new([], rejection);
    }

    [LoggerMessage(EventId = 421, Level = LogLevel.Warning, Message = "PP-OCR unavailable: {Missing} not found")]
    private static partial void LogModelsMissing(ILogger logger, string missing);

    [LoggerMessage(EventId = 422, Level = LogLevel.Information, Message = "PP-OCR read {Pages} pages in {Seconds:F1} s")]
    private static partial void LogRecognised(ILogger logger, int pages, double seconds);

    [LoggerMessage(EventId = 423, Level = LogLevel.Information, Message = "PP-OCR turned page {Page} by {Degrees} degrees")]
    private static partial void LogTurned(ILogger logger, int page, int degrees);

    [LoggerMessage(EventId = 424, Level = LogLevel.Warning, Message = "PP-OCR could not decode page {Page} (tool exit code {ExitCode})")]
    private static partial void LogPageUnreadable(ILogger logger, int page, int exitCode);
}
