using System.Text;
using Microsoft.AspNetCore.Http;

namespace SelfReview.Api;

/// <summary>
/// The upload's file name: header <c>X-File-Name</c>, else query <c>fileName</c>. HTTP header values are
/// ASCII in practice, so a Chinese name comes encoded: as an RFC 8187 (formerly 5987) ext-value
/// <c>UTF-8''%E5%BC%A0%E4%B8%89.docx</c>, or percent-encoded UTF-8 alone. File names may not hold
/// '%' (StorageLayout), so decoding a plain name cannot change it.
/// </summary>
public static class FileNameHeader
{
    public const string Name = "X-File-Name";
    public const string QueryName = "fileName";

    public static string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[Name].ToString();
        if (header.Length > 0)
        {
            return Decode(header);
        }

        var query = request.Query[QueryName].ToString();
        return query.Length > 0 ? query : null;
    }

    /// <summary>Decodes an ext-value (charset'language'value; only UTF-8) or a percent-encoded value; anything else as is.</summary>
    public static string? Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = value.Trim();
        var first = value.IndexOf('\'', StringComparison.Ordinal);
        var second = first < 0 ? -1 : value.IndexOf('\'', first + 1);
        if (second > first && first > 0)
        {
            // RFC 8187 §3.2.1: ext-value = charset "'" [ language ] "'" value-chars
            return value[..first].Equals("UTF-8", StringComparison.OrdinalIgnoreCase) ? PercentDecode(value[(second + 1)..]) : null;
        }

        return value.Contains('%', StringComparison.Ordinal) ? PercentDecode(value) : value;
    }

    private static string? PercentDecode(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%')
            {
                if (i + 2 >= value.Length || !Uri.IsHexDigit(value[i + 1]) || !Uri.IsHexDigit(value[i + 2]))
                {
                    return null;
                }

                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (value[i] > 0x7F)
            {
                return null; // raw non-ASCII mixed with escapes: not a valid encoding
            }
            else
            {
                bytes.Add((byte)value[i]);
            }
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
