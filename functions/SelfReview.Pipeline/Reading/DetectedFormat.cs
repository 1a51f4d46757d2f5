namespace SelfReview.Pipeline.Reading;

/// <summary>The kinds of file the sniffer tells apart.</summary>
public enum FileKind
{
    Unknown,
    Empty,
    Docx,
    LegacyDoc,
    EncryptedOffice,
    OtherOfficeZip,
    Zip,
    Pdf,
    Png,
    Jpeg,
    Tiff,
    Text,
    OtherBinary,

    /// <summary>An HTML page (Word's "save as web page", whatever its extension, .doc included).</summary>
    Html,

    /// <summary>A single-file web archive (.mht / .mhtml, RFC 2557).</summary>
    Mhtml,

    /// <summary>An image format no OCR engine here reads (GIF, HEIC, WebP, BMP): refused with what to do.</summary>
    UnsupportedImage,
}

/// <summary>The format of an upload as the bytes show it.</summary>
/// <param name="Kind">What the bytes are.</param>
/// <param name="MediaType">The IANA media type.</param>
/// <param name="Description">What was seen, for people (used in rejections).</param>
public sealed record DetectedFormat(FileKind Kind, string MediaType, string Description);
