namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>Which OCR engine reads scans (configuration <c>Ocr:Engine</c>).</summary>
public enum OcrEngineKind
{
    /// <summary>
    /// PP-OCRv4 in process (the default): the models installed by <c>scripts/setup.sh</c> into tools/ocr-models
    /// and copied beside the app. When they are absent, Tesseract reads instead.
    /// </summary>
    PaddleOcr,

    /// <summary>Tesseract on this machine (<c>apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils</c>).</summary>
    Tesseract,

    /// <summary>Azure AI Document Intelligence, prebuilt-layout (section <c>DocumentIntelligence</c>).</summary>
    DocumentIntelligence,
}
