using System.Text;

namespace SelfReview.Api;

/// <summary>
/// <c>Content-Disposition: attachment</c> with a Chinese file name (RFC 6266 §4.3): an ASCII
/// <c>filename</c> for old clients and the real name as <c>filename*</c> in UTF-8 (RFC 8187).
/// </summary>
public static class ContentDisposition
{
    public static string Attachment(string asciiFallback, string fileName)
    {
        ArgumentNullException.ThrowIfNull(asciiFallback);
        ArgumentNullException.ThrowIfNull(fileName);
        if (asciiFallback.Any(c => c is < ' ' or > '~' or '"' or '\\'))
        {
            throw new ArgumentException("the fallback name must be plain printable ASCII without quotes", nameof(asciiFallback));
        }

        return new StringBuilder("attachment; filename=\"").Append(asciiFallback).Append("\"; filename*=UTF-8''").Append(Encode(fileName)).ToString();
    }

    /// <summary>RFC 8187 value-chars: attr-char as is, every other byte of the UTF-8 as %XX.</summary>
    private static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
