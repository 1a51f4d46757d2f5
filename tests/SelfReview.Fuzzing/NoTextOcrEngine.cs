using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Ocr;

namespace SelfReview.Fuzzing;

/// <summary>
/// An OCR engine that recognises nothing, so the PDF and image readers can be fuzzed for what they do
/// themselves (headers, page and pixel limits, text layers) at thousands of inputs a second; Tesseract
/// itself is not ours to fuzz. It checks what the readers hand it: pages in range and ascending.
/// </summary>
public sealed class NoTextOcrEngine : IOcrEngine
{
    public TextOrigin Origin => TextOrigin.OcrTesseract;

    public Task<ReadOutcome> RecognizeAsync(OcrRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var i = 0; i < request.Pages.Count; i++)
        {
            if (request.Pages[i] < 1 || (i > 0 && request.Pages[i] <= request.Pages[i - 1]))
            {
                throw new InvalidOperationException("The reader asked OCR for pages that are not 1-based and ascending.");
            }
        }

        return Task.FromResult(ReadOutcome.Rejected("unreadable_scan", "扫描件或照片中未能识别出文字"));
    }
}
