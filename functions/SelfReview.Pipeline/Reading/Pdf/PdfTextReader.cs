using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading.Layout;
using SelfReview.Pipeline.Reading.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace SelfReview.Pipeline.Reading.Pdf;

/// <summary>
/// Reads PDFs: the text layer with PdfPig where a page has one, the OCR engine for the pages that do
/// not (scans, or text whose font carries no Unicode map). A text PDF is never OCR'd.
/// </summary>
/// <remarks>
/// Letters are grouped into lines by their baseline and ordered left to right, lines top to bottom,
/// rather than taken in content-stream order: word processors write CJK text, its quotation marks
/// (often set in another font) and its ASCII runs as separate chunks whose stream order is not the
/// reading order.
/// </remarks>
public sealed partial class PdfTextReader(IOcrEngine ocr, IOptions<LimitsOptions> options, ILogger<PdfTextReader> logger) : IDocumentReader
{
    /// <summary>Baselines closer than this share a line (times the type size).</summary>
    private const double SameLine = 0.4;

    /// <summary>A gap wider than this between two Latin letters is a word space (times the type size).</summary>
    private const double WordGap = 0.2;

    /// <summary>More drawn paths than this on a page without text is text converted to outlines.</summary>
    private const int OutlinedTextPaths = 100;

    public bool CanRead(FileKind kind) => kind == FileKind.Pdf;

    public async Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        List<PageText> pages;
        try
        {
            using var document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > limits.MaxPages)
            {
                return Limits.TooManyPages(document.NumberOfPages, limits.MaxPages);
            }

            pages = [.. document.GetPages().Select(p =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return ReadPage(p);
            })];
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadOutcome.Rejected("encrypted", "PDF 设置了打开密码，请取消密码保护后重新上传");
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // PdfPig reports a damaged file through many exception types, not one: fuzzing found
            // NotSupportedException (an unknown filter name), KeyNotFoundException (an XObject without
            // /Subtype), OverflowException (a stream length), PdfDocumentStackDepthException (nesting),
            // beside format, argument and index errors. All are a property of the file.
            var kind = ex.GetType().Name;
            LogUnreadable(logger, kind);
            return ReadOutcome.Rejected("unreadable", "PDF 文件已损坏，无法打开（" + kind + "）");
        }

        var ocrPages = pages.Where(p => p.NeedsOcr).Select(p => p.Number).ToList();
        var blocks = new List<TextBlock>();
        // Text-layer pages are assembled in runs of consecutive pages, so a paragraph may continue over a
        // page break but never across a page that came from OCR.
        foreach (var run in Runs(pages.Where(p => !p.NeedsOcr && p.Lines.Count > 0)))
        {
            blocks.AddRange(ParagraphAssembler.Assemble([.. run.SelectMany(p => p.Lines)]));
        }

        var origin = TextOrigin.PdfTextLayer;
        if (ocrPages.Count > 0)
        {
            LogOcrPages(logger, ocrPages.Count, pages.Count);
            var recognised = await OcrBudget.RecognizeAsync(ocr, new OcrRequest(content, format, ocrPages), limits, cancellationToken);
            if (recognised.Document is not { } scanned)
            {
                return recognised;
            }

            blocks.AddRange(scanned.Blocks);
            blocks = [.. blocks.OrderBy(b => b.Page ?? 0)]; // stable: reading order within a page is kept
            origin = ocrPages.Count == pages.Count(p => p.NeedsOcr || p.Lines.Count > 0) ? ocr.Origin : TextOrigin.Mixed;
            if (scanned.Characters == 0 && origin == ocr.Origin)
            {
                return Limits.NothingRecognised();
            }
        }

        return ReadOutcome.Read(new TextDocument(blocks, origin, pages.Count));
    }

    private static PageText ReadPage(Page page)
    {
        var letters = page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(l.Value))
            .ToList();
        var lines = GroupLines(letters, page.Number, page.Height);
        var verdict = TextLayerQuality.Judge(string.Concat(lines.Select(l => l.Text)));
        var needsOcr = verdict switch
        {
            TextLayerVerdict.Usable => false,
            TextLayerVerdict.Garbage => true,
            // A page with a few characters and nothing else is a (nearly) blank page, or a signature line;
            // with an image on it, or the hundreds of paths of text turned into outlines, it is a scan,
            // maybe stamped with a page number.
            _ => page.NumberOfImages > 0 || page.Paths.Count > OutlinedTextPaths,
        };
        return new PageText(page.Number, needsOcr ? [] : lines, needsOcr);
    }

    private static List<LayoutLine> GroupLines(List<Letter> letters, int pageNumber, double pageHeight)
    {
        var lines = new List<LayoutLine>();
        var ordered = letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X).ToList();
        var current = new List<Letter>();
        foreach (var letter in ordered)
        {
            if (current.Count > 0 && Math.Abs(current[0].StartBaseLine.Y - letter.StartBaseLine.Y) > SameLine * SizeOf(current[0]))
            {
                lines.Add(ToLine(current, pageNumber, pageHeight));
                current = [];
            }

            current.Add(letter);
        }

        if (current.Count > 0)
        {
            lines.Add(ToLine(current, pageNumber, pageHeight));
        }

        return lines;
    }

    private static LayoutLine ToLine(List<Letter> letters, int pageNumber, double pageHeight)
    {
        letters.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var text = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null && text.Length > 0 && !ChineseText.IsCjk(text[^1]) && !ChineseText.IsCjk(letter.Value[0])
                && letter.StartBaseLine.X - previous.EndBaseLine.X > WordGap * SizeOf(letter))
            {
                text.Append(' ');
            }

            text.Append(letter.Value);
            previous = letter;
        }

        var sizes = letters.Select(SizeOf).Order().ToArray();
        var em = sizes[sizes.Length / 2];
        var baseline = letters.Average(l => l.StartBaseLine.Y);
        // PDF space grows upwards; the layout works top-down. The advance (start to end of the baseline)
        // is used for the right edge, so a line ending in "。" reaches the margin as it does on paper.
        return new LayoutLine(
            pageNumber,
            ChineseText.RemoveSpacesAroundCjk(text.ToString()),
            Left: letters.Min(l => l.StartBaseLine.X),
            Top: pageHeight - baseline - em,
            Right: letters.Max(l => Math.Max(l.EndBaseLine.X, l.StartBaseLine.X)),
            Bottom: pageHeight - baseline,
            CharSize: em);
    }

    private static double SizeOf(Letter letter) => letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);

    private static IEnumerable<List<PageText>> Runs(IEnumerable<PageText> pages)
    {
        var run = new List<PageText>();
        foreach (var page in pages)
        {
            if (run.Count > 0 && page.Number != run[^1].Number + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(page);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private sealed record PageText(int Number, IReadOnlyList<LayoutLine> Lines, bool NeedsOcr);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "PDF has {OcrPages} of {Pages} pages without a usable text layer; sending them to OCR")]
    private static partial void LogOcrPages(ILogger logger, int ocrPages, int pages);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "PDF could not be parsed: {ExceptionType}")]
    private static partial void LogUnreadable(ILogger logger, string exceptionType);
}
