using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using SelfReview.Pipeline.Reading.Text;

namespace SelfReview.Pipeline.Reading.Html;

/// <summary>
/// The HTML text of a web page or a web archive: the charset a page declares (Word writes
/// <c>charset=gb2312</c> on Chinese systems), and for MHTML (RFC 2557) the root text/html part decoded
/// by MimeKit, transfer encoding and charset included.
/// </summary>
internal static partial class HtmlDecoder
{
    /// <summary>The page's text; null when an MHTML archive holds no HTML part.</summary>
    public static string? Decode(ReadOnlyMemory<byte> content, FileKind kind) =>
        kind == FileKind.Mhtml ? FromArchive(content) : FromPage(content.Span);

    /// <summary>Decodes an HTML page: BOM, then the declared charset, then the text sniffing of plain files.</summary>
    public static string FromPage(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TextDecoder.TryDecode(bytes, out var utf16, out _) ? utf16 : Encoding.Unicode.GetString(bytes[2..]);
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        if (Charset().Match(head) is { Success: true } match && EncodingFor(match.Groups[1].Value) is { } declared)
        {
            return declared.GetString(bytes);
        }

        return TextDecoder.TryDecode(bytes, out var text, out _) ? text : Encoding.UTF8.GetString(bytes);
    }

    private static string? FromArchive(ReadOnlyMemory<byte> content)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        // Depth capped: an archive is one multipart/related holding the page and its images.
        var message = MimeMessage.Load(new ParserOptions { MaxMimeDepth = 8 }, stream);
        var part = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsHtml)
            ?? message.BodyParts.OfType<TextPart>().FirstOrDefault();
        return part?.Text;
    }

    /// <summary>A charset name as a decoder; the GB family all read as GB18030 (their superset), leniently.</summary>
    private static Encoding? EncodingFor(string name)
    {
        var normalized = name.Trim().ToUpperInvariant();
        if (normalized is "GB2312" or "GBK" or "GB18030" or "CP936" or "X-GBK" or "WINDOWS-936")
        {
            return Encoding.GetEncoding("GB18030");
        }

        try
        {
            _ = TextDecoder.Gb18030; // registers the code-pages provider
            return Encoding.GetEncoding(normalized);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();
}
