using System.Globalization;
using SelfReview.Pipeline.Reading.Layout;

namespace SelfReview.Pipeline.Reading.Pdf;

/// <summary>
/// Judges a page's text layer. A scan has no letters (or a handful); a PDF made from a Chinese font
/// without a ToUnicode map has plenty of "letters" that are glyph ids in disguise — control characters,
/// private-use code points, replacement characters, or runs of Latin-1 symbols where Chinese should be.
/// </summary>
public static class TextLayerQuality
{
    /// <summary>Fewer visible characters than this is not a page of text.</summary>
    public const int MinCharacters = 10;

    /// <summary>Share of characters that must be letters, digits, Chinese or ordinary punctuation.</summary>
    private const double MinPlausible = 0.85;

    public static TextLayerVerdict Judge(string text)
    {
        var visible = 0;
        var plausible = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            visible++;
            if (IsPlausible(c))
            {
                plausible++;
            }
        }

        if (visible < MinCharacters)
        {
            return TextLayerVerdict.Sparse;
        }

        return plausible >= visible * MinPlausible ? TextLayerVerdict.Usable : TextLayerVerdict.Garbage;
    }

    private static bool IsPlausible(char c)
    {
        if (ChineseText.IsCjk(c) || char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        if (c is '\uFFFD' || char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
        {
            return false;
        }

        // ASCII punctuation and the general-punctuation block are ordinary in Chinese text ("1." "A" "——");
        // Latin-1 symbols (¤¦§¨©ª«¬) and letters with accents standing where Chinese should are the
        // classic look of a font without a Unicode map.
        return c < '\u0080' || c is >= '\u2000' and <= '\u206F' || char.IsLetter(c) && c > '\u024F';
    }
}
