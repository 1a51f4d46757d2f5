using System.Globalization;
using System.Text;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>Renders a list counter in a WordprocessingML number format (ECMA-376 Part 1, 17.18.59 ST_NumberFormat).</summary>
internal static class NumberFormatter
{
    /// <summary>The longest run of one letter a letter-format counter renders to (zz… for 26 × 8 items).</summary>
    internal const int MaxLetterRepeat = 8;

    private const string ChineseDigits = "零一二三四五六七八九";
    private const string TraditionalDigits = "零壹贰叁肆伍陆柒捌玖";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";

    public static string Format(int value, string? numFmt) => numFmt switch
    {
        null or "decimal" => value.ToString(CultureInfo.InvariantCulture),
        "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
        "decimalFullWidth" or "decimalFullWidth2" => ToFullWidth(value.ToString(CultureInfo.InvariantCulture)),
        "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "ideographDigital" or "taiwaneseCounting" or "taiwaneseCountingThousand"
            => numFmt == "ideographDigital" ? Digitwise(value) : ChineseCount(value, ChineseDigits, "十", "百"),
        "chineseLegalSimplified" or "ideographLegalTraditional" or "japaneseLegal" => ChineseCount(value, TraditionalDigits, "拾", "佰"),
        "ideographTraditional" => Cycle(value, HeavenlyStems),
        "ideographZodiac" => Cycle(value, EarthlyBranches),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => Enclosed(value, '\u2460', 20),
        "decimalEnclosedParen" => Enclosed(value, '\u2474', 20),
        "decimalEnclosedFullstop" => Enclosed(value, '\u2488', 20),
        "ideographEnclosedCircle" => Enclosed(value, '\u3280', 10),
        "lowerLetter" => Letters(value, 'a'),
        "upperLetter" => Letters(value, 'A'),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        "bullet" => "•",
        "none" => string.Empty,
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>一 … 九十九 the way Chinese documents count (十一, not 一十一).</summary>
    internal static string ChineseCount(int value, string digits, string ten, string hundred)
    {
        if (value <= 0 || value >= 1000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder();
        var h = value / 100;
        var t = value / 10 % 10;
        var u = value % 10;
        if (h > 0)
        {
            sb.Append(digits[h]).Append(hundred);
        }

        if (t > 0)
        {
            if (h > 0 || t > 1)
            {
                sb.Append(digits[t]);
            }

            sb.Append(ten);
        }
        else if (h > 0 && u > 0)
        {
            sb.Append(digits[0]);
        }

        if (u > 0)
        {
            sb.Append(digits[u]);
        }

        return sb.ToString();
    }

    private static string Digitwise(int value)
    {
        var sb = new StringBuilder();
        foreach (var c in value.ToString(CultureInfo.InvariantCulture))
        {
            sb.Append(c == '0' ? '〇' : ChineseDigits[c - '0']);
        }

        return sb.ToString();
    }

    private static string Cycle(int value, string symbols) =>
        value <= 0 ? value.ToString(CultureInfo.InvariantCulture) : symbols[(value - 1) % symbols.Length].ToString();

    private static string Enclosed(int value, char first, int count) =>
        value >= 1 && value <= count ? ((char)(first + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture);

    private static string Letters(int value, char a)
    {
        if (value <= 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        // Word repeats the letter: a … z, aa … zz. A counter started at two billion would repeat it 77
        // million times; past MaxLetterRepeat the number is shown in digits (no list is that long).
        var repeat = (value - 1) / 26 + 1;
        if (repeat > MaxLetterRepeat)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var letter = (char)(a + (value - 1) % 26);
        return new string(letter, repeat);
    }

    private static string Roman(int value)
    {
        if (value <= 0 || value >= 4000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<int> numbers = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var sb = new StringBuilder();
        for (var i = 0; i < numbers.Length; i++)
        {
            while (value >= numbers[i])
            {
                sb.Append(symbols[i]);
                value -= numbers[i];
            }
        }

        return sb.ToString();
    }

    private static string ToFullWidth(string digits)
    {
        var chars = digits.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(chars[i] - '0' + '\uFF10');
        }

        return new string(chars);
    }
}
