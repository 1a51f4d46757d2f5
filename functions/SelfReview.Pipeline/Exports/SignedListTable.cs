using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// The table of the lists people sign (个人整改清单, 班子整改清单): fixed column widths that add up to the
/// text width, 黑体 header repeated on every page, 仿宋_GB2312 小四 cells, rows that do not split across pages.
/// </summary>
internal static class SignedListTable
{
    private const int CellFont = OfficialDocument.SizeSmallFour;

    public static Table Build(IReadOnlyList<(string Header, int Width, bool Center)> columns, IEnumerable<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = columns.Sum(c => c.Width).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
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
        table.Append(new TableGrid(columns.Select(c => new GridColumn { Width = c.Width.ToString(CultureInfo.InvariantCulture) })));
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var (text, width, _) in columns)
        {
            header.Append(Cell(text, width, OfficialDocument.HeadingFont, center: true));
        }

        table.Append(header);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < columns.Count; i++)
            {
                tr.Append(Cell(i < row.Length ? row[i] : string.Empty, columns[i].Width, OfficialDocument.BodyFont, columns[i].Center));
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
