using System.IO.Compression;
using System.Text;
using SelfReview.Pipeline.Reading.Text;

namespace SelfReview.Pipeline.Reading;

/// <summary>
/// Tells what an upload is from its bytes, never from its name: people rename files, and a scan saved
/// as ".docx" must be handled as what it is.
/// </summary>
public static class FormatSniffer
{
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> CfbMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> TiffLittle => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBig => [0x4D, 0x4D, 0x00, 0x2A];

    public static DetectedFormat Detect(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.IsEmpty)
        {
            return new(FileKind.Empty, "application/octet-stream", "空文件");
        }

        if (bytes.StartsWith(ZipMagic))
        {
            return DetectZip(content);
        }

        if (bytes.StartsWith(CfbMagic))
        {
            return DetectCompoundFile(bytes);
        }

        // A PDF may have a few bytes of junk before the header (ISO 32000-1, 7.5.2 tolerates it in practice).
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf(PdfMagic) >= 0)
        {
            return new(FileKind.Pdf, "application/pdf", "PDF 文档");
        }

        if (bytes.StartsWith(PngMagic))
        {
            return new(FileKind.Png, "image/png", "PNG 图片");
        }

        if (bytes.StartsWith(JpegMagic))
        {
            return new(FileKind.Jpeg, "image/jpeg", "JPEG 图片");
        }

        if (bytes.StartsWith(TiffLittle) || bytes.StartsWith(TiffBig))
        {
            return new(FileKind.Tiff, "image/tiff", "TIFF 图片");
        }

        if (OtherImage(bytes) is { } image)
        {
            return image;
        }

        if (WebPage(bytes) is { } page)
        {
            return page;
        }

        if (TextDecoder.LooksLikeText(bytes))
        {
            return new(FileKind.Text, "text/plain", "纯文本");
        }

        return new(FileKind.OtherBinary, "application/octet-stream", DescribeUnknown(bytes));
    }

    /// <summary>
    /// Images people send that no engine here reads, named in plain words with what to do: GIF (GIF87a/89a),
    /// WebP (RIFF…WEBP), HEIC/HEIF and AVIF (an ISO-BMFF "ftyp" box with their brands; the iPhone's
    /// default camera format), BMP ("BM").
    /// </summary>
    private static DetectedFormat? OtherImage(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return new(FileKind.UnsupportedImage, "image/gif", "GIF 动图/图片");
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return new(FileKind.UnsupportedImage, "image/webp", "WebP 图片");
        }

        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(bytes[8..12]);
            if (brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1")
            {
                return new(FileKind.UnsupportedImage, "image/heic", "HEIC 照片（苹果手机默认的照片格式）");
            }

            if (brand is "avif" or "avis")
            {
                return new(FileKind.UnsupportedImage, "image/avif", "AVIF 图片");
            }
        }

        if (bytes.Length >= 26 && bytes.StartsWith("BM"u8) && bytes[6..10].SequenceEqual((ReadOnlySpan<byte>)[0, 0, 0, 0]))
        {
            return new(FileKind.UnsupportedImage, "image/bmp", "BMP 图片");
        }

        return null;
    }

    /// <summary>
    /// Word's web formats, whatever the file is named: a single-file web archive starts with MIME headers
    /// and is multipart/related (RFC 2557); a page starts with &lt;html or a doctype, or carries Word's
    /// urn:schemas-microsoft-com:office:word namespace. Only the head is looked at, as ASCII.
    /// </summary>
    private static DetectedFormat? WebPage(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var head = Encoding.Latin1.GetString(bytes[start..Math.Min(bytes.Length, 4096)]);
        var trimmed = head.TrimStart();
        if ((trimmed.StartsWith("MIME-Version:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("From:", StringComparison.OrdinalIgnoreCase)
                || trimmed.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            && head.Contains("multipart/related", StringComparison.OrdinalIgnoreCase))
        {
            return new(FileKind.Mhtml, "multipart/related", "网页存档（.mht）");
        }

        if (trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || (trimmed.StartsWith("<?xml", StringComparison.Ordinal) && head.Contains("<html", StringComparison.OrdinalIgnoreCase))
            || head.Contains("urn:schemas-microsoft-com:office:word", StringComparison.OrdinalIgnoreCase))
        {
            return new(FileKind.Html, "text/html", "网页文件（.htm/.html）");
        }

        return null;
    }

    private static DetectedFormat DetectZip(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("word/document.xml"))
            {
                return new(FileKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档 (.docx)");
            }

            if (names.Contains("xl/workbook.xml"))
            {
                return new(FileKind.OtherOfficeZip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 工作簿 (.xlsx)");
            }

            if (names.Contains("ppt/presentation.xml"))
            {
                return new(FileKind.OtherOfficeZip, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint 演示文稿 (.pptx)");
            }

            if (names.Contains("content.xml") && names.Contains("mimetype"))
            {
                return new(FileKind.OtherOfficeZip, "application/vnd.oasis.opendocument.text", "OpenDocument 文档 (.odt 等)");
            }

            return new(FileKind.Zip, "application/zip", "ZIP 压缩包");
        }
        catch (InvalidDataException)
        {
            return new(FileKind.OtherBinary, "application/zip", "损坏的 ZIP/Office 文件");
        }
    }

    private static DetectedFormat DetectCompoundFile(ReadOnlySpan<byte> bytes)
    {
        // An encrypted .docx/.xlsx is an OLE compound file holding an "EncryptedPackage" stream
        // (MS-OFFCRYPTO 2.3.4.4); a Word 97–2003 file holds a "WordDocument" stream (MS-DOC 2.1.1).
        // Directory entry names are UTF-16LE.
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0)
        {
            return new(FileKind.EncryptedOffice, "application/x-ole-storage", "加密的 Office 文档");
        }

        if (bytes.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0)
        {
            return new(FileKind.LegacyDoc, "application/msword", "Word 97-2003 文档 (.doc)");
        }

        return new(FileKind.OtherBinary, "application/x-ole-storage", "OLE 复合文档（旧版 Office 文件）");
    }

    private static string DescribeUnknown(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8)];
        return "无法识别的二进制文件（文件头 " + Convert.ToHexString(head) + "）";
    }
}
