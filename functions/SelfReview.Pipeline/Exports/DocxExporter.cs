using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// Writes the rectification list as the 附件 of a document in the GB/T 9704-2012 format: A4 landscape,
/// 附件 label in 黑体 三号, title in 方正小标宋简体 二号, header row in 黑体 repeated on every page, cells in
/// 仿宋_GB2312 小四 with column widths from their content, short cells (the problem's title and one
/// sentence, the first sentence of each member's measure: the full text stays in the XLSX and JSON),
/// page numbers `— N —`, and the 落款 with unit and date.
/// </summary>
public sealed class DocxExporter
{
    /// <summary>Text width of A4 landscape within the margins, twentieths of a point.</summary>
    private const int TextWidth = 16838 - 1588 - 1474;

    /// <summary>A cell's left and right margins together.</summary>
    private const int CellPadding = 2 * 85;

    private const int CellFont = OfficialDocument.SizeSmallFour;

    public byte[] Export(RectificationList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var document = new OfficialDocument();
        document.Append(OfficialDocument.Paragraph("附件", OfficialDocument.HeadingFont, OfficialDocument.SizeBody, JustificationValues.Left));
        document.Append(OfficialDocument.Paragraph(list.Title, OfficialDocument.TitleFont, OfficialDocument.SizeTitle, JustificationValues.Center, after: 240));
        document.Append(Table(list));
        document.AppendSignature(list.UnitName ?? list.UnitId, list.MeetingDate, OfficialDocument.SizeBody);
        return document.Save(landscape: true);
    }

    /// <summary>
    /// Column widths from the content: each column asks for its longest line (its 90th percentile, so
    /// one long cell does not widen a column for all), at least half its header and at most its
    /// <see cref="RectificationColumn.MaxDocxChars"/>; the text columns share what is left, or give up
    /// what is missing, in proportion to what they asked.
    /// </summary>
    public static int[] Widths(IReadOnlyList<RectificationColumn> columns, IReadOnlyList<RectificationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var charTwips = CellFont * 10;
        var asked = columns.Select(c =>
        {
            var lines = rows.Select(r => c.BriefCell(r).Split('\n').Max(Chars)).Order().ToList();
            var p90 = lines.Count == 0 ? 0 : lines[(int)Math.Min(lines.Count - 1, Math.Floor(lines.Count * 0.9))];
            var chars = Math.Clamp(p90, Math.Ceiling(Chars(c.Header) / 2), c.MaxDocxChars);
            return (int)Math.Ceiling(chars * charTwips) + CellPadding;
        }).ToArray();

        var flexible = columns.Select((c, i) => c.Alignment == ColumnAlignment.Left ? i : -1).Where(i => i >= 0).ToList();
        var fixedWidth = asked.Where((_, i) => !flexible.Contains(i)).Sum();
        var flexibleAsked = flexible.Sum(i => asked[i]);
        var room = TextWidth - fixedWidth;
        var widths = (int[])asked.Clone();
        if (flexibleAsked > 0)
        {
            foreach (var i in flexible)
            {
                widths[i] = (int)(asked[i] * (double)room / flexibleAsked);
            }
        }

        return widths;
    }

    /// <summary>A text's width in Chinese characters (a Latin letter or digit is half of one).</summary>
    private static double Chars(string text) => text.Sum(c => c < 0x2E80 ? 0.6 : 1.0);

    private static Table Table(RectificationList list)
    {
        var columns = RectificationColumns.For(ColumnUse.Docx);
        var widths = Widths(columns, list.Rows);
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < columns.Count; i++)
        {
            header.Append(Cell(columns[i].Header, widths[i], OfficialDocument.HeadingFont, center: true));
        }

        table.Append(header);
        foreach (var row in list.Rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < columns.Count; i++)
            {
                tr.Append(Cell(columns[i].BriefCell(row), widths[i], OfficialDocument.BodyFont, columns[i].Alignment == ColumnAlignment.Center));
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, string font, bool center)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }));
        foreach (var line in text.Split('\n'))
        {
            cell.Append(new Paragraph(
                new ParagraphProperties(
                    new SnapToGrid { Val = false },
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "300", LineRule = LineSpacingRuleValues.Exact },
                    new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both }),
                OfficialDocument.Run(line, font, CellFont)));
        }

        return cell;
    }
}
