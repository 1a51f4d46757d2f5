using System.Text;

namespace SelfReview.Pipeline.Reading.Text;

/// <summary>
/// Decodes plain text in the encodings Chinese offices produce: UTF-8 (with or without BOM),
/// UTF-16 (BOM, or the zero-byte pattern without one) and GB18030 (a superset of GBK and GB2312).
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, registered once through the code-pages provider.</summary>
    public static Encoding Gb18030 { get; } = GetGb18030();

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static readonly Encoding LenientGb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);

    /// <summary>Whether the bytes look like text in one of the supported encodings, whole or line by line.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes) => TryDecode(bytes, out _, out _) || TryDecodeByLine(bytes) is not null;

    /// <summary>
    /// The text of a file that does not decode as a whole: one where lines were pasted from files in
    /// UTF-8 and in GB18030 (each line decoded in the encoding it is valid in), or one with a stray NUL
    /// byte (dropped). Null when it does not read as text even so: too many zero bytes (a binary file),
    /// lines valid in neither encoding, or control characters. The caller flags what was repaired.
    /// </summary>
    public static LineDecodedText? TryDecodeByLine(ReadOnlySpan<byte> bytes)
    {
        var nuls = bytes.Count((byte)0);
        if (bytes.IsEmpty || nuls * 1000L > bytes.Length + 1000L * 8)
        {
            return null; // more than a few stray NULs beyond one per thousand: UTF-16 or binary, not damaged text
        }

        var sb = new StringBuilder(bytes.Length);
        int utf8Lines = 0, gbLines = 0, badLines = 0, lines = 0;
        var buffer = nuls > 0 ? new byte[bytes.Length - nuls] : null;
        if (buffer is not null)
        {
            var n = 0;
            foreach (var b in bytes)
            {
                if (b != 0)
                {
                    buffer[n++] = b;
                }
            }

            bytes = buffer;
        }

        while (!bytes.IsEmpty)
        {
            // 0x0A is never a trail byte in UTF-8 or GB18030 (trail bytes are ≥ 0x30), so lines split safely.
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..(end + 1)];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            lines++;
            if (TryStrict(StrictUtf8, line, "utf-8", out var text, out _))
            {
                utf8Lines += line.ContainsAnyExceptInRange((byte)0, (byte)0x7F) ? 1 : 0;
            }
            else if (TryStrict(Gb18030, line, "gb18030", out text, out _))
            {
                gbLines++;
            }
            else
            {
                text = LenientGb18030.GetString(line);
                badLines++;
            }

            sb.Append(text);
        }

        var decoded = sb.ToString();
        if (badLines * 100 > lines || !IsMostlyPrintable(decoded) || (!HasCjk(decoded) && Plausibility(decoded) < 0.95))
        {
            return null;
        }

        return new LineDecodedText(decoded, utf8Lines > 0 && gbLines > 0 ? Math.Min(utf8Lines, gbLines) : 0, nuls, badLines);
    }

    /// <summary>Decodes the bytes, telling which encoding matched.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string encodingName)
    {
        text = string.Empty;
        encodingName = string.Empty;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryStrict(StrictUtf8, bytes[3..], "utf-8-bom", out text, out encodingName);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return TryStrict(new UnicodeEncoding(false, false, true), bytes[2..], "utf-16le", out text, out encodingName);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TryStrict(new UnicodeEncoding(true, false, true), bytes[2..], "utf-16be", out text, out encodingName);
        }

        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        var zeros = CountZeros(sample, out var evenZeros);
        if (zeros > 0)
        {
            // UTF-16 without a BOM: text in UTF-8 or GB18030 has no zero bytes, UTF-16 has some (ASCII,
            // and CJK characters such as U+4E00 一). Take the byte order whose characters read as text.
            if (bytes.Length % 2 != 0)
            {
                return false;
            }

            var little = TryStrict(new UnicodeEncoding(false, false, true), bytes, "utf-16le", out var le, out _) ? Plausibility(le) : 0;
            var big = TryStrict(new UnicodeEncoding(true, false, true), bytes, "utf-16be", out var be, out _) ? Plausibility(be) : 0;
            if (Math.Max(little, big) < 0.9)
            {
                return false;
            }

            (text, encodingName) = little >= big ? (le, "utf-16le") : (be, "utf-16be");
            return true;
        }

        if (TryStrict(StrictUtf8, bytes, "utf-8", out text, out encodingName) && IsMostlyPrintable(text))
        {
            return true;
        }

        return TryStrict(Gb18030, bytes, "gb18030", out text, out encodingName) && IsMostlyPrintable(text) && HasCjk(text);
    }

    private static bool TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name, out string text, out string encodingName)
    {
        try
        {
            text = encoding.GetString(bytes);
            encodingName = name;
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            encodingName = string.Empty;
            return false;
        }
    }

    private static int CountZeros(ReadOnlySpan<byte> sample, out int evenZeros)
    {
        var zeros = 0;
        evenZeros = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                zeros++;
                if (i % 2 == 0)
                {
                    evenZeros++;
                }
            }
        }

        return zeros;
    }

    private static bool IsMostlyPrintable(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var control = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4096)))
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f')
            {
                control++;
            }
        }

        return control * 100 < Math.Min(text.Length, 4096);
    }

    /// <summary>The share of characters that are CJK, CJK punctuation, full-width forms or printable ASCII.</summary>
    private static double Plausibility(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var good = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4096)))
        {
            if (c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3000' and <= '\u303f') or (>= '\uff00' and <= '\uffef') or (>= ' ' and <= '~') or '\n' or '\r' or '\t' or '“' or '”' or '‘' or '’' or '…' or '—' or '·' or '×')
            {
                good++;
            }
        }

        return (double)good / Math.Min(text.Length, 4096);
    }

    private static bool HasCjk(string text)
    {
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4096)))
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                return true;
            }
        }

        return false;
    }
}
