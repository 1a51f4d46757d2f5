using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Ocr;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>
/// A short statement in our own words, rendered as small pages in every condition the PP-OCR tests
/// check, each read once by the real models (installed by scripts/setup.sh and copied beside the
/// tests), all pages in flight together as the engine allows, for the tests of the class to share.
/// </summary>
public sealed class RenderedStatement : IAsyncLifetime, IDisposable
{
    public const string Clean = "clean.png";
    public const string Noisy = "noisy.png";
    public const string Turned90 = "turned90.png";
    public const string Turned180 = "turned180.png";
    public const string TwoColumns = "columns.png";
    public const string Phone = "phone.jpg";
    public const string ScannedPdf = "scan.pdf";

    public const string Title = "关于改进作风的个人对照检查";

    public static readonly IReadOnlyList<string> Paragraphs =
    [
        "（一）理论学习方面。一是学习不够系统，满足于读原文、记笔记，联系本单位实际思考不深。二是学用结合不紧，解决基层难题的办法不多。",
        "（二）工作作风方面。一是调查研究不够深入，到困难多、矛盾多的地方去得少。二是抓落实的韧劲不足，有的任务推进缓慢。",
        "针对上述问题，制定以下措施。",
        "1.每月安排两次集中学习，年底前形成学习体会。",
        "2.每季度到基层蹲点调研不少于三天，建立问题台账，逐项销号。",
    ];

    private readonly PaddleOcrEngine _engine = new(Options.Create(new OcrOptions()), NullLogger<PaddleOcrEngine>.Instance);

    public ConcurrentDictionary<string, TextDocument> Documents { get; } = new();

    /// <summary>What the page says, paragraphs in reading order.</summary>
    public static string Truth(string page) => string.Join('\n', page == TwoColumns ? [Title, .. Paragraphs] : Paragraphs);

    public async Task InitializeAsync()
    {
        using var page = RenderedPage.Render(Paragraphs);
        using var columns = RenderedPage.Render(Paragraphs, columns: 2, title: Title);
        using var noisy = RenderedPage.Noisy(page);
        using var turned90 = RenderedPage.Turned(page, 90);
        using var turned180 = RenderedPage.Turned(page, 180);
        var inputs = new Dictionary<string, byte[]>
        {
            [Clean] = RenderedPage.Png(page),
            [Noisy] = RenderedPage.Png(noisy),
            [Turned90] = RenderedPage.Png(turned90),
            [Turned180] = RenderedPage.Png(turned180),
            [TwoColumns] = RenderedPage.Png(columns),
            [Phone] = RenderedPage.PhonePhoto(page),
            [ScannedPdf] = ScanAsPdf(RenderedPage.Png(page), page.Width, page.Height),
        };
        await Task.WhenAll(inputs.Select(async input =>
        {
            var format = FormatSniffer.Detect(input.Value);
            var outcome = await _engine.RecognizeAsync(new OcrRequest(input.Value, format, [1]));
            Documents[input.Key] = outcome.Document ?? throw new InvalidOperationException($"{input.Key}: {outcome.RejectionCode} {outcome.RejectionReason}");
        }));
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _engine.Dispose();

    /// <summary>The page as a scanner's PDF: one A4 page holding the image at 150 dpi, no text layer (pdftoppm renders it back).</summary>
    private static byte[] ScanAsPdf(byte[] png, int width, int height)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var (w, h) = (width * 72.0 / 150, height * 72.0 / 150);
        page.AddPng(png, new PdfRectangle(40, 842 - 40 - h, 40 + w, 842 - 40));
        return builder.Build();
    }
}
