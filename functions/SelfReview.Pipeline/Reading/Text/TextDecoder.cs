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

    /// <summary>Whether the bytes look like text in one of the supported encodings.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes) => TryDecode(bytes, out _, out _);

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
        if (zeros > sample.Length / 8)
        {
            // UTF-16 without a BOM: ASCII characters leave zero bytes on one side.
            var bigEndian = evenZeros > zeros / 2;
            return TryStrict(new UnicodeEncoding(bigEndian, false, true), bytes, bigEndian ? "utf-16be" : "utf-16le", out text, out encodingName)
                && IsMostlyPrintable(text);
        }

        if (zeros > 0)
        {
            return false;
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
