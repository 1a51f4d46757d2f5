using UglyToad.PdfPig;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>The resolution scanned PDF pages are rendered at: the configured one, lowered for a page so large it would exceed the pixel limit.</summary>
internal static class PdfPageResolution
{
    public static Dictionary<int, int> ByPage(ReadOnlyMemory<byte> pdf, IReadOnlyList<int> pages, OcrOptions options)
    {
        var dpi = pages.ToDictionary(p => p, _ => options.Dpi);
        try
        {
            using var document = PdfDocument.Open(pdf.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            foreach (var number in pages)
            {
                var page = document.GetPage(number);
                var squareInches = page.Width / 72 * (page.Height / 72);
                var fitting = squareInches > 0 ? Math.Sqrt(options.MaxPixels / squareInches) : options.Dpi;
                dpi[number] = (int)Math.Clamp(Math.Floor(fitting), 72, options.Dpi);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or UglyToad.PdfPig.Core.PdfDocumentFormatException)
        {
            // The configured resolution stands; pdftoppm will tell whether the page can be rendered at all.
        }

        return dpi;
    }
}
