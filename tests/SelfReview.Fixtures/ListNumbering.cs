using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SelfReview.Fixtures;

/// <summary>
/// Word automatic numbering for every enumerator level a statement types (domain.md: 一、 （一） 1. 1、 （1） ①):
/// one single-level abstract definition per family, and one numbering instance per list, started with a
/// w:startOverride at the ordinal the text starts at. A list continues while its ordinals do and no shallower
/// label comes between; a label that does not continue its list becomes the first of a new one.
/// </summary>
public sealed partial class ListNumbering
{
    private static readonly Family[] Families =
    [
        new(0, 1, FamilyPattern.CnDun, NumberFormatValues.ChineseCounting, "%1、", "Heading1"),
        new(1, 2, FamilyPattern.CnParen, NumberFormatValues.ChineseCounting, "（%1）", "Heading2"),
        new(2, 3, FamilyPattern.NumDot, NumberFormatValues.Decimal, "%1.", null),
        new(3, 3, FamilyPattern.NumDun, NumberFormatValues.Decimal, "%1、", null),
        new(4, 4, FamilyPattern.NumParen, NumberFormatValues.Decimal, "（%1）", null),
        new(5, 5, FamilyPattern.Circled, NumberFormatValues.DecimalEnclosedCircle, "%1", null),
    ];

    private readonly Dictionary<int, (int NumId, int Last)> _open = [];
    private readonly List<(int NumId, int Family, int Start)> _instances = [];

    /// <summary>A label Word will draw: its length in the text, the instance and the paragraph style.</summary>
    public sealed record Numbered(int Length, int NumId, string? Style);

    /// <summary>The label at the start of <paramref name="line"/>, moved into numbering, or null when it has none.</summary>
    public Numbered? Label(string line)
    {
        foreach (var family in Families)
        {
            var m = Pattern(family.Pattern).Match(line);
            if (!m.Success || m.Length >= line.Length)
            {
                continue;
            }

            var ordinal = Ordinal(m.Groups["n"].Value);
            if (ordinal <= 0)
            {
                return null;
            }

            // A shallower label closes the deeper lists under the one before it.
            foreach (var deeper in Families.Where(f => f.Rank > family.Rank))
            {
                _open.Remove(deeper.Id);
            }

            if (!(_open.TryGetValue(family.Id, out var open) && open.Last + 1 == ordinal))
            {
                open = (_instances.Count + 1, ordinal - 1);
                _instances.Add((open.NumId, family.Id, ordinal));
            }

            _open[family.Id] = (open.NumId, ordinal);
            return new Numbered(m.Length, open.NumId, family.Style);
        }

        return null;
    }

    public void AddTo(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        var numbering = new Numbering();
        foreach (var family in Families)
        {
            numbering.Append(new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = family.Format },
                    new LevelText { Val = family.Text },
                    new LevelSuffix { Val = LevelSuffixValues.Nothing },
                    new LevelJustification { Val = LevelJustificationValues.Left })
                { LevelIndex = 0 })
            { AbstractNumberId = family.Id });
        }

        foreach (var (numId, family, start) in _instances)
        {
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = family },
                new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = 0 })
            { NumberID = numId });
        }

        part.Numbering = numbering;
    }

    private static int Ordinal(string value)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        const string circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
        if (value.Length == 1 && circled.Contains(value[0], StringComparison.Ordinal))
        {
            return circled.IndexOf(value[0], StringComparison.Ordinal) + 1;
        }

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
        }

        return total + current;
    }

    private static Regex Pattern(FamilyPattern pattern) => pattern switch
    {
        FamilyPattern.CnDun => CnDun(),
        FamilyPattern.CnParen => CnParen(),
        FamilyPattern.NumDot => NumDot(),
        FamilyPattern.NumDun => NumDun(),
        FamilyPattern.NumParen => NumParen(),
        _ => Circled(),
    };

    [GeneratedRegex("^(?<n>[一二三四五六七八九十]{1,3})、")]
    private static partial Regex CnDun();

    [GeneratedRegex("^[（(](?<n>[一二三四五六七八九十]{1,3})[）)]")]
    private static partial Regex CnParen();

    [GeneratedRegex(@"^(?<n>\d{1,2})[\.．](?!\d)")]
    private static partial Regex NumDot();

    [GeneratedRegex(@"^(?<n>\d{1,2})、")]
    private static partial Regex NumDun();

    [GeneratedRegex(@"^[（(](?<n>\d{1,2})[）)]")]
    private static partial Regex NumParen();

    [GeneratedRegex("^(?<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])")]
    private static partial Regex Circled();

    private enum FamilyPattern
    {
        CnDun,
        CnParen,
        NumDot,
        NumDun,
        NumParen,
        Circled,
    }

    private sealed record Family(int Id, int Rank, FamilyPattern Pattern, NumberFormatValues Format, string Text, string? Style);
}
