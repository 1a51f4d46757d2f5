using System.Text;

namespace SelfReview.Pipeline.Reading.Layout;

/// <summary>
/// Spacing and punctuation rules for Chinese text that comes out of a page layout: PDF text layers
/// and OCR put spaces between characters (or between a character and a digit) that the writer never
/// typed, and OCR reads full-width punctuation as its ASCII look-alike.
/// </summary>
public static class ChineseText
{
    // Punctuation that Chinese text writes full-width (GB/T 15834) and OCR often returns half-width.
    private const string HalfWidth = ",:;?!()";
    private const string FullWidth = "，：；？！（）";

    /// <summary>Whether <paramref name="c"/> is a Chinese character or a punctuation mark used with them.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' // CJK Unified Ideographs
            or >= '\u3400' and <= '\u4DBF' // Extension A
            or >= '\uF900' and <= '\uFAFF' // Compatibility Ideographs
            or >= '\u3000' and <= '\u303F' // CJK Symbols and Punctuation (、。〈〉《》「」【】…)
            or >= '\uFF00' and <= '\uFFEF' // Halfwidth and Fullwidth Forms (，：（）…)
            or '“' or '”' or '‘' or '’' or '…' or '—' or '·'
        || char.IsHighSurrogate(c); // Extensions B and later are outside the BMP

    /// <summary>Whether <paramref name="c"/> is a Chinese character proper (not punctuation).</summary>
    public static bool IsIdeograph(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' || char.IsHighSurrogate(c);

    /// <summary>
    /// Joins two pieces of a line or two lines of a paragraph: nothing between them when either side
    /// is Chinese (Chinese has no word spaces), one space between two Latin words.
    /// </summary>
    public static string Join(string left, string right)
    {
        if (left.Length == 0)
        {
            return right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        var glue = IsCjk(left[^1]) || IsCjk(right[0]) || left[^1] == '-' ? string.Empty : " ";
        return left + glue + right;
    }

    /// <summary>Removes whitespace that has a Chinese character or mark on either side.</summary>
    public static string RemoveSpacesAroundCjk(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                var end = i;
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                var before = sb.Length > 0 ? sb[^1] : '\0';
                var after = end < text.Length ? text[end] : '\0';
                if (before != '\0' && after != '\0' && !IsCjk(before) && !IsCjk(after))
                {
                    sb.Append(' ');
                }

                i = end - 1;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Cleans an OCR'd line: spaces around Chinese removed, and ASCII punctuation that touches a Chinese
    /// character turned full-width (<c>(一)</c> → <c>（一）</c>, <c>如下:</c> → <c>如下：</c>).
    /// </summary>
    public static string TidyOcrLine(string text)
    {
        var spaced = RemoveSpacesAroundCjk(text);
        var chars = spaced.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var k = HalfWidth.IndexOf(chars[i], StringComparison.Ordinal);
            if (k < 0)
            {
                continue;
            }

            var before = i > 0 && IsCjk(chars[i - 1]);
            var after = i + 1 < chars.Length && IsCjk(chars[i + 1]);
            // An opening bracket belongs to what follows, a closing mark to what precedes.
            var touches = chars[i] switch
            {
                '(' => after,
                ')' => before,
                _ => before,
            };
            if (touches)
            {
                chars[i] = FullWidth[k];
            }
        }

        return new string(chars);
    }
}
