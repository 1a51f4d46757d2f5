namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// How scans are read (configuration section <c>Ocr</c>; environment <c>Ocr__Engine</c>, <c>Ocr__MaxPages</c> …).
/// The limits apply to every paged upload: a statement is a few pages, a 300-page PDF is not one.
/// </summary>
public sealed class OcrOptions
{
    public const string SectionName = "Ocr";

    /// <summary>
    /// The engine: <c>PaddleOcr</c> (default; Tesseract when its models are absent), <c>Tesseract</c> or
    /// <c>DocumentIntelligence</c>.
    /// </summary>
    public OcrEngineKind Engine { get; set; } = OcrEngineKind.PaddleOcr;

    /// <summary>
    /// Where the PP-OCR models and dictionary are (ch_PP-OCRv4_det_infer.onnx, ch_PP-OCRv4_rec_infer.onnx,
    /// ppocr_keys_v1.txt). Default: <c>ocr-models</c> beside the app, where the build and publish copy them
    /// from tools/ocr-models.
    /// </summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>
    /// PP-OCR detection sees the page with its longest side at most this many pixels (PaddleOCR's
    /// limit_side_len; recognition still reads each line from the full page). 1280 keeps an A4 page's
    /// 小四 type about 18 px tall for the detector: on the seed's scans it found the same lines as at
    /// 2048 (CER 0.11% on the 150 dpi PDF either way) with a third of the detection time, and a detection
    /// holds about 250 bytes per input pixel (≈300 MB at 1280, ≈550 MB for an uncapped 150 dpi page).
    /// </summary>
    public int DetectionMaxSide { get; set; } = 1280;

    /// <summary>
    /// Threads one PP-OCR model run may use; 0: a detection (one page at a time) uses every processor,
    /// a recognition run shares them with the other pages in flight.
    /// </summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Pages one upload may have (PDF pages, TIFF frames).</summary>
    public int MaxPages { get; set; } = 50;

    /// <summary>Pixels one image page may have (width × height); a 12-megapixel phone photo is well inside.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Seconds Tesseract may spend on one page before it is stopped.</summary>
    public int PageTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Resolution scanned PDF pages are rendered at for Tesseract (lowered for oversized pages to stay
    /// within <see cref="MaxPixels"/>). 150 is not a typo: chi_sim reads best with characters about
    /// 25–35 pixels tall, which 小四 to 三号 type is at 150 dpi. On the seed's black-and-white scan the
    /// character error rate was 0.85% at 150 dpi, 1.24% at 200, 1.74% at 300 and 3.9% at 400.
    /// </summary>
    public int Dpi { get; set; } = 150;

    /// <summary>Tesseract language(s), e.g. <c>chi_sim</c> or <c>chi_sim+eng</c>.</summary>
    public string Language { get; set; } = "chi_sim";

    /// <summary>
    /// Tesseract page segmentation mode: 6 (one uniform block of text, the default: a statement is a
    /// single column) or 3 (automatic layout analysis, for pages with columns or boxes).
    /// </summary>
    public int PageSegmentationMode { get; set; } = 6;

    /// <summary>Tesseract processes run at once (each single-threaded); 0 means one per processor.</summary>
    public int MaxParallelPages { get; set; }

    /// <summary>The <c>tesseract</c> executable: a name looked up on PATH, or a full path.</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>The <c>pdftoppm</c> executable (Debian package poppler-utils) that renders scanned PDF pages.</summary>
    public string PdftoppmPath { get; set; } = "pdftoppm";

    internal string EffectiveModelsDirectory =>
        string.IsNullOrWhiteSpace(ModelsDirectory) ? Path.Combine(AppContext.BaseDirectory, "ocr-models") : ModelsDirectory;

    internal int EffectiveParallelism => MaxParallelPages > 0 ? MaxParallelPages : Environment.ProcessorCount;

    internal static IEnumerable<string> Validate(OcrOptions options)
    {
        if (options.MaxPages < 1)
        {
            yield return "Ocr:MaxPages must be at least 1.";
        }

        if (options.MaxPixels < 1_000_000)
        {
            yield return "Ocr:MaxPixels must be at least 1000000.";
        }

        if (options.PageTimeoutSeconds < 1)
        {
            yield return "Ocr:PageTimeoutSeconds must be at least 1.";
        }

        if (options.Dpi is < 72 or > 600)
        {
            yield return "Ocr:Dpi must be between 72 and 600.";
        }

        if (options.PageSegmentationMode is < 0 or > 13)
        {
            yield return "Ocr:PageSegmentationMode must be a Tesseract --psm value (0–13).";
        }

        if (options.DetectionMaxSide is < 320 or > 8192)
        {
            yield return "Ocr:DetectionMaxSide must be between 320 and 8192.";
        }

        if (options.IntraOpThreads < 0)
        {
            yield return "Ocr:IntraOpThreads must be 0 (automatic) or more.";
        }

        if (string.IsNullOrWhiteSpace(options.Language))
        {
            yield return "Ocr:Language must name a Tesseract language, e.g. chi_sim.";
        }
    }
}
