using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SelfReview.Contracts;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// Writes the rectification list as an Excel workbook an office can print as it is: a 整改清单 sheet
/// (title, frozen and repeated header, wrapped text with row heights computed for it, filters, the
/// printed columns on A4 landscape one page wide, header and footer with the unit and 第 N 页 共 M 页,
/// a 填报单位 / 审核人 / 填报日期 line; item ids in hidden columns), a 分类统计 sheet with problems per
/// category and a native column chart of them (with cached values, so it renders before any
/// recalculation), and a 责任人统计 sheet with rows per owner.
/// </summary>
public sealed class XlsxExporter
{
    internal const uint StyleTitle = 1;
    internal const uint StyleHeader = 2;
    internal const uint StyleBody = 3;
    internal const uint StyleCentered = 4;
    internal const uint StyleSignature = 5;

    /// <summary>Points per wrapped line of 11 pt 宋体, and the padding of a cell.</summary>
    private const double LinePoints = 14.5;
    private const double RowPaddingPoints = 4;

    /// <summary>Excel width units a character takes at 11 pt: a Chinese character about two digits' width.</summary>
    private const double WideCharUnits = 2.05;
    private const double NarrowCharUnits = 1.1;

    public byte[] Export(RectificationList list) => Export(list, due: null);

    /// <summary>The workbook; with <paramref name="due"/>, also a 到期提醒 sheet of the overdue rows and those due soon.</summary>
    public byte[] Export(RectificationList list, DueRows? due)
    {
        ArgumentNullException.ThrowIfNull(list);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());

            var columns = RectificationColumns.For(ColumnUse.Xlsx);
            var printed = columns.Count(c => c.Shows(ColumnUse.Printed));
            var listPart = workbookPart.AddNewPart<WorksheetPart>();
            var lastPrintedRow = WriteListSheet(listPart, list, columns, strings);
            var statsPart = workbookPart.AddNewPart<WorksheetPart>();
            var categories = Enum.GetValues<CategoryCode>().Select(c => (Label: CategoryLabels.Of(c), Count: list.Rows.Where(r => r.Category == c).Sum(r => Math.Max(1, r.Problems.Count)))).ToList();
            WriteStatsSheet(statsPart, categories, strings);
            var ownersPart = workbookPart.AddNewPart<WorksheetPart>();
            WriteOwnersSheet(ownersPart, list, strings);

            var sheets = new Sheets(
                new Sheet { Name = "整改清单", SheetId = 1, Id = workbookPart.GetIdOfPart(listPart) },
                new Sheet { Name = "分类统计", SheetId = 2, Id = workbookPart.GetIdOfPart(statsPart) },
                new Sheet { Name = "责任人统计", SheetId = 3, Id = workbookPart.GetIdOfPart(ownersPart) });
            if (due is not null)
            {
                var duePart = workbookPart.AddNewPart<WorksheetPart>();
                WriteDueSheet(duePart, due, strings);
                sheets.Append(new Sheet { Name = DueSheetName, SheetId = 4, Id = workbookPart.GetIdOfPart(duePart) });
            }

            workbookPart.Workbook.Append(sheets);
            var lastDataRow = (list.Rows.Count + 2).ToString(CultureInfo.InvariantCulture);
            workbookPart.Workbook.Append(new DefinedNames(
                new DefinedName("'整改清单'!$A$2:$" + ColumnName(columns.Count) + "$" + lastDataRow) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
                new DefinedName("'整改清单'!$A$1:$" + ColumnName(printed) + "$" + lastPrintedRow.ToString(CultureInfo.InvariantCulture)) { Name = "_xlnm.Print_Area", LocalSheetId = 0 },
                new DefinedName("'整改清单'!$2:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
            strings.Save();
        }

        return DeterministicPackage.Normalize(stream);
    }

    /// <summary>
    /// Lines a cell's text takes in a column of <paramref name="width"/> Excel units when wrapped:
    /// each paragraph's characters (wide or narrow) over what one line holds.
    /// </summary>
    public static int WrappedLines(string text, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var perLine = Math.Max(1, width - 0.8);
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var units = paragraph.Sum(c => c < 0x2E80 ? NarrowCharUnits : WideCharUnits);
            lines += Math.Max(1, (int)Math.Ceiling(units / perLine));
        }

        return lines;
    }

    /// <summary>A row's height in points: the tallest wrapped cell.</summary>
    public static double RowHeight(IEnumerable<(string Text, double Width)> cells) =>
        (cells.Select(c => WrappedLines(c.Text, c.Width)).DefaultIfEmpty(1).Max() * LinePoints) + RowPaddingPoints;

    /// <summary>Writes the list; returns the last row of the print area (the signature line).</summary>
    private static uint WriteListSheet(WorksheetPart part, RectificationList list, IReadOnlyList<RectificationColumn> columns, SharedStrings strings)
    {
        var printed = columns.Count(c => c.Shows(ColumnUse.Printed));
        var lastPrinted = ColumnName(printed);
        var data = new SheetData();
        data.Append(Row(1, [strings.Cell("A1", list.Title, StyleTitle)], height: 36));
        data.Append(Row(2, [.. columns.Select((c, i) => strings.Cell(ColumnName(i + 1) + "2", c.Header, StyleHeader))], height: RowHeight(columns.Select(c => (c.Header, c.Width)))));
        var rowIndex = 3u;
        foreach (var row in list.Rows)
        {
            var r = rowIndex.ToString(CultureInfo.InvariantCulture);
            var texts = columns.Select(c => c.Cell(row)).ToList();
            var height = RowHeight(columns.Select((c, i) => (texts[i], c.Width)).Where((_, i) => columns[i].Shows(ColumnUse.Printed)));
            data.Append(Row(rowIndex, [.. columns.Select((c, i) => i == 0
                ? NumberCell(ColumnName(1) + r, row.Number, StyleCentered)
                : strings.Cell(ColumnName(i + 1) + r, texts[i], c.Alignment == ColumnAlignment.Center ? StyleCentered : StyleBody))], height));
            rowIndex++;
        }

        // 填报单位 / 审核人 / 填报日期: filled in and signed by hand on the printed copy.
        var signatureRow = rowIndex + 1;
        var signature = "填报单位（盖章）：" + (list.UnitName ?? list.UnitId) + "　　　　　　审核人：　　　　　　　　　　填报日期：　　　　年　　月　　日";
        data.Append(Row(signatureRow, [strings.Cell("A" + signatureRow.ToString(CultureInfo.InvariantCulture), signature, StyleSignature)], height: 30));

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } })
            { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            new Columns(columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true, Hidden = c.Shows(ColumnUse.Printed) ? null : true })),
            data,
            new AutoFilter { Reference = "A2:" + ColumnName(columns.Count) + (list.Rows.Count + 2).ToString(CultureInfo.InvariantCulture) },
            new MergeCells(
                new MergeCell { Reference = "A1:" + lastPrinted + "1" },
                new MergeCell { Reference = "A" + signatureRow.ToString(CultureInfo.InvariantCulture) + ":" + lastPrinted + signatureRow.ToString(CultureInfo.InvariantCulture) })
            { Count = 2 },
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.7, Bottom = 0.7, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(
                new OddHeader("&L&9" + HeaderText(list.UnitName ?? list.UnitId) + "&R&9" + HeaderText(list.Title)),
                new OddFooter("&C&9第 &P 页 共 &N 页")));
        part.Worksheet = worksheet;
        return signatureRow;
    }

    /// <summary>Header and footer text is a format string: a literal ampersand is doubled.</summary>
    internal static string HeaderText(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

    private static void WriteStatsSheet(WorksheetPart part, List<(string Label, int Count)> categories, SharedStrings strings)
    {
        var data = new SheetData();
        data.Append(Row(1, [strings.Cell("A1", "问题类别", StyleHeader), strings.Cell("B1", "问题数", StyleHeader)]));
        for (var i = 0; i < categories.Count; i++)
        {
            var r = (uint)(i + 2);
            data.Append(Row(r, [strings.Cell("A" + r.ToString(CultureInfo.InvariantCulture), categories[i].Label, StyleBody), NumberCell("B" + r.ToString(CultureInfo.InvariantCulture), categories[i].Count, StyleCentered)]));
        }

        var total = (uint)(categories.Count + 2);
        data.Append(Row(total, [strings.Cell("A" + total.ToString(CultureInfo.InvariantCulture), "合计", StyleHeader), NumberCell("B" + total.ToString(CultureInfo.InvariantCulture), categories.Sum(c => c.Count), StyleCentered)]));

        var drawingsPart = part.AddNewPart<DrawingsPart>();
        var chartPart = drawingsPart.AddNewPart<ChartPart>();
        chartPart.ChartSpace = Chart(categories);
        drawingsPart.WorksheetDrawing = Anchor(drawingsPart.GetIdOfPart(chartPart));

        part.Worksheet = new Worksheet(
            new Columns(new Column { Min = 1, Max = 1, Width = 14, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 10, CustomWidth = true }),
            data,
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape },
            new Drawing { Id = part.GetIdOfPart(drawingsPart) });
    }

    /// <summary>Rows per owner (责任人): all, of them common problems, and not yet done.</summary>
    /// <summary>The reminders sheet's name.</summary>
    public const string DueSheetName = "到期提醒";

    /// <summary>
    /// 到期提醒: the meeting date and the day of the count on top, then 超期 rows (most overdue first) and
    /// 临期 rows (soonest first) with 序号, problem, owners, deadline, due date and days left; A4 landscape.
    /// </summary>
    private static void WriteDueSheet(WorksheetPart part, DueRows due, SharedStrings strings)
    {
        var data = new SheetData();
        var meeting = due.MeetingDate is { } m ? m.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "未设置";
        var title = "整改到期提醒（会议日期：" + meeting + "；统计日：" + due.Today.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            + "；超期 " + due.Overdue.Count.ToString(CultureInfo.InvariantCulture) + " 项，" + due.Days.ToString(CultureInfo.InvariantCulture) + " 日内到期 " + due.DueSoon.Count.ToString(CultureInfo.InvariantCulture) + " 项）";
        data.Append(Row(1, [strings.Cell("A1", title, StyleTitle)], height: 30));
        string[] headers = ["提醒", "序号", "问题", "责任人", "整改时限", "到期日", "剩余天数", "完成情况"];
        double[] widths = [8, 6, 48, 16, 14, 13, 9, 9];
        data.Append(Row(2, [.. headers.Select((h, i) => strings.Cell(ColumnName(i + 1) + "2", h, StyleHeader))]));
        var r = 3u;
        foreach (var (kind, row) in due.Overdue.Select(x => ("超期", x)).Concat(due.DueSoon.Select(x => ("临期", x))))
        {
            var n = r.ToString(CultureInfo.InvariantCulture);
            var owners = string.Join("、", row.Owners);
            data.Append(Row(r, [
                strings.Cell("A" + n, kind, StyleCentered),
                NumberCell("B" + n, row.Number, StyleCentered),
                strings.Cell("C" + n, row.Problem, StyleBody),
                strings.Cell("D" + n, owners, StyleCentered),
                strings.Cell("E" + n, row.Deadline, StyleCentered),
                strings.Cell("F" + n, row.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StyleCentered),
                NumberCell("G" + n, row.DaysLeft, StyleCentered),
                strings.Cell("H" + n, row.Status, StyleCentered)], RowHeight([(row.Problem, widths[2]), (owners, widths[3]), (row.Deadline, widths[4])])));
            r++;
        }

        part.Worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            new Columns([.. widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })]),
            data,
            new MergeCells(new MergeCell { Reference = "A1:H1" }) { Count = 1 },
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
    }

    private static void WriteOwnersSheet(WorksheetPart part, RectificationList list, SharedStrings strings)
    {
        var owners = list.Rows.SelectMany(r => r.Owners).Distinct().ToList();
        var data = new SheetData();
        string[] headers = ["责任人", "整改问题", "其中共性问题", "未完成"];
        data.Append(Row(1, [.. headers.Select((h, i) => strings.Cell(ColumnName(i + 1) + "1", h, StyleHeader))]));
        var r = 2u;
        foreach (var owner in owners)
        {
            var rows = list.Rows.Where(x => x.Owners.Contains(owner)).ToList();
            var n = r.ToString(CultureInfo.InvariantCulture);
            data.Append(Row(r, [
                strings.Cell("A" + n, owner, StyleBody),
                NumberCell("B" + n, rows.Count, StyleCentered),
                NumberCell("C" + n, rows.Count(x => x.Common), StyleCentered),
                NumberCell("D" + n, rows.Count(x => x.Status is "未完成" or "推进中"), StyleCentered)]));
            r++;
        }

        part.Worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            new Columns(new Column { Min = 1, Max = 1, Width = 16, CustomWidth = true }, new Column { Min = 2, Max = 4, Width = 12, CustomWidth = true }),
            data,
            new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
    }

    /// <summary>A clustered column chart of 问题数 by 问题类别 (DrawingML charts, ECMA-376 Part 1, 21.2).</summary>
    private static C.ChartSpace Chart(List<(string Label, int Count)> categories)
    {
        var points = categories.Count;
        var last = (points + 1).ToString(CultureInfo.InvariantCulture);
        var barChart = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            new C.BarChartSeries(
                new C.Index { Val = 0 },
                new C.Order { Val = 0 },
                new C.SeriesText(new C.StringReference(new C.Formula("'分类统计'!$B$1"), StringCache(["问题数"]))),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = "4472C4" })),
                new C.InvertIfNegative { Val = false },
                new C.DataLabels(
                    new C.ShowLegendKey { Val = false },
                    new C.ShowValue { Val = true },
                    new C.ShowCategoryName { Val = false },
                    new C.ShowSeriesName { Val = false },
                    new C.ShowPercent { Val = false },
                    new C.ShowBubbleSize { Val = false }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula("'分类统计'!$A$2:$A$" + last), StringCache([.. categories.Select(c => c.Label)]))),
                new C.Values(new C.NumberReference(new C.Formula("'分类统计'!$B$2:$B$" + last), NumberCache([.. categories.Select(c => c.Count)])))),
            new C.GapWidth { Val = 80 },
            new C.AxisId { Val = 1001 },
            new C.AxisId { Val = 1002 });
        var categoryAxis = new C.CategoryAxis(
            new C.AxisId { Val = 1001 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1002 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 });
        var valueAxis = new C.ValueAxis(
            new C.AxisId { Val = 1002 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.MajorGridlines(),
            new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1001 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between },
            new C.MajorUnit { Val = 1 });
        var title = new C.Title(
            new C.ChartText(new C.RichText(
                new A.BodyProperties(),
                new A.ListStyle(),
                new A.Paragraph(new A.Run(new A.RunProperties { Language = "zh-CN" }, new A.Text("各类别问题数量"))))),
            new C.Overlay { Val = false });
        return new C.ChartSpace(
            new C.EditingLanguage { Val = "zh-CN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                title,
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(new C.Layout(), barChart, categoryAxis, valueAxis),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
    }

    /// <summary>The values a chart shows before the workbook is recalculated (c:strCache, ECMA-376 21.2.2.199): without them LibreOffice and viewers draw an empty chart.</summary>
    private static C.StringCache StringCache(IReadOnlyList<string> values)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(values[i])) { Index = (uint)i });
        }

        return cache;
    }

    private static C.NumberingCache NumberCache(IReadOnlyList<int> values)
    {
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            cache.Append(new C.NumericPoint(new C.NumericValue(values[i].ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        return cache;
    }

    private static Xdr.WorksheetDrawing Anchor(string chartId) => new(
        new Xdr.TwoCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId("3"), new Xdr.ColumnOffset("0"), new Xdr.RowId("0"), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId("11"), new Xdr.ColumnOffset("0"), new Xdr.RowId("20"), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = 2, Name = "各类别问题数量" },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = string.Empty },
            new Xdr.ClientData()));

    internal static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "黑体" }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "黑体" }, new FontCharSet { Val = 134 }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        var thin = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()));
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }) { FontId = 2, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Center }) { ApplyAlignment = true });
        return new Stylesheet(fonts, fills, thin, new CellStyleFormats(new CellFormat()), formats);
    }

    internal static Row Row(uint index, IEnumerable<Cell> cells, double? height = null)
    {
        var row = new Row(cells) { RowIndex = index };
        if (height is double h)
        {
            row.Height = h;
            row.CustomHeight = true;
        }

        return row;
    }

    internal static Cell NumberCell(string reference, int value, uint style) =>
        new(new CellValue(value.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.Number, StyleIndex = style };

    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        while (index > 0)
        {
            var rem = (index - 1) % 26;
            name = (char)('A' + rem) + name;
            index = (index - 1) / 26;
        }

        return name;
    }

    /// <summary>The workbook's shared string table: each distinct text stored once.</summary>
    internal sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public Cell Cell(string reference, string text, uint style)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _values.Count;
                _index[text] = i;
                _values.Add(text);
            }

            return new Cell(new CellValue(i.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.SharedString, StyleIndex = style };
        }

        public void Save() => part.SharedStringTable = new SharedStringTable(_values.Select(v => new SharedStringItem(new Text(v) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_values.Count,
            UniqueCount = (uint)_values.Count,
        };
    }
}
