using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// The OCR seam: pages of a scan in, paragraphs out. Two engines stand behind it, chosen by
/// <see cref="OcrOptions.Engine"/>: Tesseract on the machine, or Azure AI Document Intelligence.
/// </summary>
/// <remarks>
/// The engine takes the file itself and the pages to read rather than rendered page images, because
/// Document Intelligence reads PDFs natively (so the Functions host needs no PDF rasteriser) and
/// Tesseract renders only the pages it is asked for.
/// </remarks>
public interface IOcrEngine
{
    /// <summary>The origin recorded on documents this engine read.</summary>
    TextOrigin Origin { get; }

    /// <summary>
    /// Recognises the text of <see cref="OcrRequest.Pages"/>. Returns blocks in reading order with their
    /// page numbers; content problems (an engine that is not installed, an unreadable image, a page that
    /// times out) come back as a rejected outcome, infrastructure failures (a service down) are thrown.
    /// </summary>
    Task<ReadOutcome> RecognizeAsync(OcrRequest request, CancellationToken cancellationToken = default);
}
