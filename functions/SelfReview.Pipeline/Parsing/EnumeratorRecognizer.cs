using System.Globalization;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Parsing;

/// <summary>Recognises enumerators (一、 （一） 一是 第一， 首先 1. 1、 1） （1） ①) from the vocabulary's families.</summary>
public sealed class EnumeratorRecognizer(DomainVocabulary vocabulary)
{
    private const string CircledDigits = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    /// <summary>The enumerator at <paramref name="start"/> of the match text, if any.</summary>
    /// <param name="match">Text with traditional characters mapped (the same length as the original).</param>
    /// <param name="start">Where to look.</param>
    /// <param name="inlineOnly">Only families that can run inside a paragraph.</param>
    public Enumerator? Match(string match, int start = 0, bool inlineOnly = false)
    {
        if (start >= match.Length)
        {
            return null;
        }

        foreach (var family in vocabulary.Enumerators)
        {
            if (inlineOnly && !family.Inline)
            {
                continue;
            }

            // With (input, beginning, length) the regex sees the slice alone, so ^ anchors at start.
            var m = family.Pattern.Match(match, start, match.Length - start);
            if (!m.Success || m.Length == 0 || m.Length >= match.Length - start)
            {
                continue;
            }

            var ordinal = Ordinal(m);
            return new Enumerator(family.Id, family.Rank, ordinal, m.Length, match.Substring(start, m.Length).Trim());
        }

        return null;
    }

    /// <summary>Recognises a label that came from the format (Word numbering), which may be the whole label.</summary>
    public Enumerator? MatchLabel(string label)
    {
        var trimmed = label.Trim();
        // A label alone ("一、") is complete; append a character so the "not the whole line" rule holds.
        var e = Match(trimmed + "文");
        return e is null ? new Enumerator("auto", 9, 0, 0, trimmed) : e with { Length = 0, Label = trimmed };
    }

    public bool StartsWithEnumerator(string match) => Match(match) is not null;

    private int Ordinal(System.Text.RegularExpressions.Match m)
    {
        if (m.Groups["n"] is { Success: true } n)
        {
            return n.Value is "l" or "I" ? 1 : int.TryParse(n.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : ParseChinese(n.Value);
        }

        if (m.Groups["c"] is { Success: true } c)
        {
            return CircledDigits.IndexOf(c.Value[0], StringComparison.Ordinal) + 1;
        }

        if (m.Groups["w"] is { Success: true } w)
        {
            return vocabulary.SequenceWords.GetValueOrDefault(w.Value);
        }

        return 0;
    }

    /// <summary>一 … 九十九 → 1 … 99.</summary>
    public static int ParseChinese(string value)
    {
        const string digits = "零一二三四五六七八九";
        var total = 0;
        var current = 0;
        foreach (var ch in value)
        {
            var d = digits.IndexOf(ch, StringComparison.Ordinal);
            if (d >= 0)
            {
                current = d;
            }
            else if (ch == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (ch == '两')
            {
                current = 2;
            }
        }

        return total + current;
    }
}
