using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SelfReview.Fixtures;

/// <summary>
/// Builds .docx statements the way offices write them: headings numbered by Word automatic numbering
/// (numbering.xml, chineseCounting "一、" and "（一）") instead of typed labels, and optionally tracked
/// changes, a table layout and soft line breaks — the traps a reader must handle.
/// </summary>
public static partial class StatementDocxBuilder
{
    private const int TopNumId = 1;

    /// <summary>Options for the traps to put in.</summary>
    /// <param name="AutoNumbering">Move 一、 and （一） labels into Word numbering.</param>
    /// <param name="TrackedChanges">Add a tracked deletion and insertion to the first body paragraph after the title.</param>
    /// <param name="InTable">Put the body in a one-column table.</param>
    /// <param name="PrintLayout">Lay it out as offices print statements (小四 宋体, first lines indented by two
    /// characters, title centred), for the PDF and scan fixtures.</param>
    /// <param name="AllLevels">Move every level's labels into Word numbering (一、 （一） 1. 1、 （1） ①), each list its own
    /// numbering instance starting where the text starts (a fragment's first （二） included); a label that does not
    /// continue its list stays text.</param>
    public sealed record Options(bool AutoNumbering = true, bool TrackedChanges = false, bool InTable = false, bool PrintLayout = false, bool AllLevels = false);

    public static byte[] Build(IReadOnlyList<string> lines, Options options)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, options.PrintLayout);
            var allLevels = options.AutoNumbering && options.AllLevels;
            var lists = allLevels ? new ListNumbering() : null;
            var paragraphs = new List<Paragraph>();
            var numbered = options.AutoNumbering && !allLevels && OrdinalsAreSequential(lines);
            var trackedDone = !options.TrackedChanges;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (lists is not null && i > 0 && lists.Label(line) is { } label)
                {
                    paragraphs.Add(NumberedIn(line[label.Length..], label.NumId, label.Style));
                }
                else if (numbered && TopLevel().Match(line) is { Success: true } top)
                {
                    paragraphs.Add(Numbered(line[top.Length..], level: 0, style: "Heading1"));
                }
                else if (numbered && SecondLevel().Match(line) is { Success: true } second)
                {
                    paragraphs.Add(Numbered(line[second.Length..], level: 1, style: "Heading2"));
                }
                else if (!trackedDone && i > 0 && line.Length > 30)
                {
                    paragraphs.Add(WithTrackedChanges(line));
                    trackedDone = true;
                }
                else
                {
                    paragraphs.Add(Plain(line, i == 0 ? "Title" : null));
                }
            }

            var body = new Body();
            if (options.InTable && paragraphs.Count > 2)
            {
                body.Append(paragraphs[0]);
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = "9000", Type = TableWidthUnitValues.Dxa }));
                cell.Append(paragraphs.Skip(1));
                body.Append(new Table(new TableProperties(new TableWidth { Width = "9000", Type = TableWidthUnitValues.Dxa }), new TableGrid(new GridColumn { Width = "9000" }), new TableRow(cell)));
            }
            else
            {
                body.Append(paragraphs);
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
            if (options.PrintLayout)
            {
                IndentFirstLines(paragraphs.Skip(1));
            }

            main.Document = new Document(body);
            if (lists is not null)
            {
                lists.AddTo(main);
            }
            else
            {
                AddNumbering(main);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Word counts 一、 and （一） itself: only move labels into numbering when the text counts the same way.</summary>
    public static bool OrdinalsAreSequential(IReadOnlyList<string> lines)
    {
        var top = 0;
        var second = 0;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (TopLevel().Match(line) is { Success: true } t)
            {
                if (Chinese(t.Groups["n"].Value) != ++top)
                {
                    return false;
                }

                second = 0;
            }
            else if (SecondLevel().Match(line) is { Success: true } s && Chinese(s.Groups["n"].Value) != ++second)
            {
                return false;
            }
        }

        return top > 0;
    }

    private static Paragraph Numbered(string text, int level, string style) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = style },
            new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = TopNumId })),
        new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph NumberedIn(string text, int numId, string? style)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId }));
        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph Plain(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>The line with a tracked deletion of a stray phrase before it and the first clause inserted by a reviewer.</summary>
    private static Paragraph WithTrackedChanges(string text)
    {
        var cut = Math.Max(1, text.IndexOf('，', StringComparison.Ordinal) + 1);
        return new Paragraph(
            new DeletedRun(new Run(new DeletedText("（此段待删除）") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "审核人", Date = new DateTime(2024, 1, 5, 9, 0, 0, DateTimeKind.Utc) },
            new InsertedRun(new Run(new Text(text[..cut]) { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "审核人", Date = new DateTime(2024, 1, 5, 9, 0, 0, DateTimeKind.Utc) },
            new Run(new Text(text[cut..]) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void AddStyles(MainDocumentPart main, bool print)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = print
            ? new Styles(
                // The Noto CJK SC faces (Debian fonts-noto-cjk) stand in for 宋体 and 黑体, named directly so that
                // LibreOffice does not fall back to the Japanese glyph variants.
                Style("Normal", "Normal", null, "Noto Serif CJK SC", 24, null),
                Style("Title", "Title", "Normal", "Noto Sans CJK SC", 36, 0, centred: true),
                Style("Heading1", "heading 1", "Normal", "Noto Sans CJK SC", 24, 0),
                Style("Heading2", "heading 2", "Normal", "Noto Serif CJK SC", 24, 1))
            : new Styles(
                Style("Normal", "Normal", null, "仿宋_GB2312", 32, null),
                Style("Title", "Title", "Normal", "方正小标宋简体", 44, 0),
                Style("Heading1", "heading 1", "Normal", "黑体", 32, 0),
                Style("Heading2", "heading 2", "Normal", "楷体_GB2312", 32, 1));
    }

    /// <summary>首行缩进2字符: the first line of every paragraph starts two characters in, as printed statements do.</summary>
    private static void IndentFirstLines(IEnumerable<Paragraph> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
            // Word reads firstLineChars; LibreOffice only the twips (2 × 12 pt = 480).
            properties.Append(new Indentation { Left = "0", FirstLine = "480", FirstLineChars = 200 });
        }
    }

    private static Style Style(string id, string name, string? basedOn, string font, int size, int? outline, bool centred = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        if (outline is int level || centred)
        {
            var paragraph = new StyleParagraphProperties();
            if (centred)
            {
                paragraph.Append(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center });
            }

            if (outline is int outlineLevel)
            {
                paragraph.Append(new OutlineLevel { Val = outlineLevel });
            }

            style.Append(paragraph);
        }

        style.Append(new StyleRunProperties(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return style;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        var abstractNum = new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.Multilevel },
            Level(0, NumberFormatValues.ChineseCounting, "%1、"),
            Level(1, NumberFormatValues.ChineseCounting, "（%2）"),
            Level(2, NumberFormatValues.Decimal, "%3."))
        { AbstractNumberId = 0 };
        part.Numbering = new Numbering(abstractNum, new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = TopNumId });
    }

    private static Level Level(int index, NumberFormatValues format, string text) => new(
        new StartNumberingValue { Val = 1 },
        new NumberingFormat { Val = format },
        new LevelText { Val = text },
        new LevelSuffix { Val = LevelSuffixValues.Nothing },
        new LevelJustification { Val = LevelJustificationValues.Left })
    { LevelIndex = index };

    private static int Chinese(string value)
    {
        const string digits = "零一二三四五六七八九";
        return value switch
        {
            "十" => 10,
            _ when value.StartsWith('十') => 10 + digits.IndexOf(value[1], StringComparison.Ordinal),
            _ when value.Length == 2 && value[1] == '十' => digits.IndexOf(value[0], StringComparison.Ordinal) * 10,
            _ when value.Length == 3 => digits.IndexOf(value[0], StringComparison.Ordinal) * 10 + digits.IndexOf(value[2], StringComparison.Ordinal),
            _ => digits.IndexOf(value[0], StringComparison.Ordinal),
        };
    }

    [GeneratedRegex("^(?<n>[一二三四五六七八九十]{1,3})、")]
    private static partial Regex TopLevel();

    [GeneratedRegex("^（(?<n>[一二三四五六七八九十]{1,3})）")]
    private static partial Regex SecondLevel();
}
