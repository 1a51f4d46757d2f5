using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// Writes the rectification list as a Word document in the house format of such lists (GB/T 9704-2012):
/// A4 landscape, title in 方正小标宋简体 二号, table header in 黑体, cells in 仿宋_GB2312, the header row
/// repeated on every page.
/// </summary>
public sealed class DocxExporter
{
    private const int PageWidth = 16838;   // A4 landscape, twentieths of a point
    private const int PageHeight = 11906;
    private const int MarginLeft = 1588;   // 28 mm
    private const int MarginRight = 1474;  // 26 mm
    private const int MarginTop = 1701;    // 30 mm
    private const int MarginBottom = 1531; // 27 mm

    private static readonly string[] Headers = ["序号", "问题类别", "问题表现", "问题来源", "整改措施", "责任人", "整改时限", "完成情况"];
    private static readonly int[] Widths = [620, 1000, 3800, 900, 4000, 1150, 1250, 1056];

    public byte[] Export(RectificationList list)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(TitleParagraph(list.Title));
            body.Append(Table(list));
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
                new PageMargin { Left = MarginLeft, Right = MarginRight, Top = MarginTop, Bottom = MarginBottom, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph TitleParagraph(string title) => new(
        new ParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center }),
        new Run(Fonts("方正小标宋简体", 44, bold: false), new Text(title)));

    private static Table Table(RectificationList list)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = Widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < Headers.Length; i++)
        {
            header.Append(Cell(Headers[i], Widths[i], "黑体", bold: false, center: true));
        }

        table.Append(header);
        foreach (var row in list.Rows)
        {
            var cells = RectificationColumns.Cells(row);
            var tr = new TableRow();
            for (var i = 0; i < Headers.Length; i++)
            {
                tr.Append(Cell(cells[i], Widths[i], "仿宋_GB2312", bold: false, center: i is 0 or 1 or 3 or 5 or 6 or 7));
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, string font, bool bold, bool center)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }));
        foreach (var line in text.Split('\n'))
        {
            cell.Append(new Paragraph(
                new ParagraphProperties(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Left }),
                new Run(Fonts(font, 24, bold), new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
        }

        return cell;
    }

    private static RunProperties Fonts(string font, int halfPoints, bool bold)
    {
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return properties;
    }
}
