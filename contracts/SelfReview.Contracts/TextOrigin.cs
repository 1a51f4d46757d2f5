using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>How the text of an upload was obtained.</summary>
public enum TextOrigin
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("docx")] Docx,
    [JsonStringEnumMemberName("plainText")] PlainText,
    [JsonStringEnumMemberName("pdfTextLayer")] PdfTextLayer,
    [JsonStringEnumMemberName("ocrTesseract")] OcrTesseract,
    [JsonStringEnumMemberName("ocrDocumentIntelligence")] OcrDocumentIntelligence,
    [JsonStringEnumMemberName("mixed")] Mixed,
    [JsonStringEnumMemberName("html")] Html,
    /// <summary>OCR in process with the PP-OCRv4 models (appended last: the names are the contract, the order is not).</summary>
    [JsonStringEnumMemberName("ocrPaddle")] OcrPaddle,
}
