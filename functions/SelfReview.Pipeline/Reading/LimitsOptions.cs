namespace SelfReview.Pipeline.Reading;

/// <summary>
/// The budgets one upload may use (configuration section <c>Limits</c>; environment <c>Limits__MaxCharacters</c> …),
/// enforced while reading so that no single file can exhaust memory, the stack or the worker's time.
/// A statement is a few pages and tens of thousands of characters; every default leaves a wide margin
/// above that and stays far below what would hurt the process. Exceeding one gives a rejected record
/// with a Chinese reason naming the file (<see cref="LimitExceededException"/>).
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Bytes one zip entry (a .docx part) may inflate to.</summary>
    public long MaxEntryBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Bytes all entries of one package may inflate to together.</summary>
    public long MaxPackageBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>
    /// Inflated to compressed size one entry may reach once it is past 1 MB. Word XML compresses
    /// 5–30 times; a zip bomb a thousand times and more.
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Element nesting an XML part may have (a real document stays under 40; tables in text boxes included).</summary>
    public int MaxXmlDepth { get; set; } = 128;

    /// <summary>Paragraphs (blocks) one upload may have.</summary>
    public int MaxParagraphs { get; set; } = 20_000;

    /// <summary>Characters of text one upload may have (a statement has 5,000–50,000).</summary>
    public int MaxCharacters { get; set; } = 300_000;

    /// <summary>Items one section (problems, causes, measures …) may have.</summary>
    public int MaxItemsPerSection { get; set; } = 500;

    /// <summary>Characters one automatic numbering label may render to ("（十二）" is 4).</summary>
    public int MaxLabelLength { get; set; } = 32;

    /// <summary>Pages one upload may have (PDF pages, TIFF frames).</summary>
    public int MaxPages { get; set; } = 50;

    /// <summary>Pixels one image page may have; a 12-megapixel phone photo and an A4 page at 600 dpi (35 MP) are inside.</summary>
    public long MaxPixelsPerPage { get; set; } = 40_000_000;

    /// <summary>Pixels all frames of one image may have together (pixels × frames).</summary>
    public long MaxTotalPixels { get; set; } = 400_000_000;

    /// <summary>Seconds of OCR one file may take over all its pages.</summary>
    public int OcrSecondsPerFile { get; set; } = 180;

    /// <summary>Seconds one file may take from bytes to record; the work is cancelled past it.</summary>
    public int FileSeconds { get; set; } = 240;

    /// <summary>Bytes of JSON one record may have.</summary>
    public int MaxRecordBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The problems with the values, for validation on start.</summary>
    public static IEnumerable<string> Validate(LimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxEntryBytes < 1024 * 1024 || options.MaxPackageBytes < options.MaxEntryBytes)
        {
            yield return "Limits:MaxEntryBytes must be at least 1 MB and Limits:MaxPackageBytes at least MaxEntryBytes.";
        }

        if (options.MaxCompressionRatio < 10)
        {
            yield return "Limits:MaxCompressionRatio must be at least 10.";
        }

        if (options.MaxXmlDepth is < 32 or > 1024)
        {
            yield return "Limits:MaxXmlDepth must be between 32 and 1024.";
        }

        if (options.MaxParagraphs < 100 || options.MaxCharacters < 10_000 || options.MaxItemsPerSection < 20)
        {
            yield return "Limits:MaxParagraphs (≥ 100), MaxCharacters (≥ 10000) and MaxItemsPerSection (≥ 20) are too low for a statement.";
        }

        if (options.MaxLabelLength is < 8 or > 1024)
        {
            yield return "Limits:MaxLabelLength must be between 8 and 1024.";
        }

        if (options.MaxPages < 1 || options.MaxPixelsPerPage < 1_000_000 || options.MaxTotalPixels < options.MaxPixelsPerPage)
        {
            yield return "Limits:MaxPages must be at least 1, MaxPixelsPerPage at least 1000000 and MaxTotalPixels at least MaxPixelsPerPage.";
        }

        if (options.OcrSecondsPerFile < 1 || options.FileSeconds < options.OcrSecondsPerFile)
        {
            yield return "Limits:OcrSecondsPerFile must be at least 1 and Limits:FileSeconds at least OcrSecondsPerFile.";
        }

        if (options.MaxRecordBytes < 64 * 1024)
        {
            yield return "Limits:MaxRecordBytes must be at least 65536.";
        }
    }
}
