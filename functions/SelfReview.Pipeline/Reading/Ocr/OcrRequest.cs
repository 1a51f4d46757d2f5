namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>What to recognise: a scanned file and the pages of it that need OCR.</summary>
/// <param name="Content">The file as uploaded (PDF, PNG, JPEG or TIFF).</param>
/// <param name="Format">What the sniffer found the file to be.</param>
/// <param name="Pages">1-based pages to read, ascending.</param>
public sealed record OcrRequest(ReadOnlyMemory<byte> Content, DetectedFormat Format, IReadOnlyList<int> Pages);
