using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// A rollup (<see cref="UnitRollup"/>) as a workbook an office above the units prints as it is, with the list's
/// styles (<see cref="XlsxExporter"/>): 汇总 (one line per unit, a 合计 line; title, frozen and repeated
/// header, A4 landscape one page wide, 第 N 页 共 M 页), 分类统计 (problems, rows, completed and overdue rows per
/// category) and 跨单位共性问题 (problems several units share, with the units). Completion rates are numbers
/// formatted as percentages, so they sort and sum in Excel and WPS.
/// </summary>
public sealed class RollupXlsxExporter
{
    /// <summary>The style of a percentage cell, appended after the list's styles, with its number format 0.0% (the rates have one decimal).</summary>
    private const uint StylePercent = 6;

    private const uint PercentFormat = 164;

    private static readonly string[] UnitHeaders = ["序号", "单位", "上级单位", "层级", "材料（份）", "有效材料", "查摆问题", "共性问题", "整改事项", "已完成", "已销号", "超期", "整改完成率"];
    private static readonly double[] UnitWidths = [6, 26, 16, 6, 10, 10, 10, 10, 10, 9, 9, 8, 12];
    private static readonly string[] CategoryHeaders = ["问题类别", "查摆问题", "整改事项", "已完成", "已销号", "超期", "整改完成率"];
    private static readonly double[] CategoryWidths = [16, 11, 11, 10, 10, 9, 12];
    private static readonly string[] CrossHeaders = ["序号", "问题类别", "问题表现", "涉及单位数", "涉及单位", "人次"];
    private static readonly double[] CrossWidths = [6, 12, 46, 11, 40, 8];

    public byte[] Export(UnitRollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            var stylesheet = XlsxExporter.Stylesheet();
            stylesheet.InsertAt(new NumberingFormats(new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" }) { Count = 1 }, 0);
            stylesheet.CellFormats!.Append(new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { NumberFormatId = PercentFormat, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true });
            styles.Stylesheet = stylesheet;
            var strings = new XlsxExporter.SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
            var title = rollup.ParentId + " 所属单位民主生活会查摆问题及整改情况汇总表";
            var day = rollup.Today.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

            var unitsPart = workbookPart.AddNewPart<WorksheetPart>();
            var unitRows = WriteUnits(unitsPart, rollup, title, day, strings);
            var categoriesPart = workbookPart.AddNewPart<WorksheetPart>();
            var categoryRows = WriteCategories(categoriesPart, rollup, day, strings);
            var crossPart = workbookPart.AddNewPart<WorksheetPart>();
            var crossRows = WriteCross(crossPart, rollup, day, strings);

            workbookPart.Workbook.Append(new Sheets(
                new Sheet { Name = "汇总", SheetId = 1, Id = workbookPart.GetIdOfPart(unitsPart) },
                new Sheet { Name = "分类统计", SheetId = 2, Id = workbookPart.GetIdOfPart(categoriesPart) },
                new Sheet { Name = "跨单位共性问题", SheetId = 3, Id = workbookPart.GetIdOfPart(crossPart) }));
            workbookPart.Workbook.Append(new DefinedNames(
                PrintArea("汇总", 0, UnitHeaders.Length, unitRows),
                new DefinedName("'汇总'!$2:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 },
                PrintArea("分类统计", 1, CategoryHeaders.Length, categoryRows),
                new DefinedName("'分类统计'!$2:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = 1 },
                PrintArea("跨单位共性问题", 2, CrossHeaders.Length, crossRows),
                new DefinedName("'跨单位共性问题'!$2:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = 2 }));
            strings.Save();
        }

        return DeterministicPackage.Normalize(stream);
    }

    private static uint WriteUnits(WorksheetPart part, UnitRollup rollup, string title, string day, XlsxExporter.SharedStrings strings)
    {
        var data = Start(strings, title + "（统计日：" + day + "）", UnitHeaders, UnitWidths);
        var r = 3u;
        foreach (var (unit, n) in rollup.Units.Select((u, i) => (u, i + 1)))
        {
            var name = unit.UnitName is { } named && named != unit.UnitId ? named + "（" + unit.UnitId + "）" : unit.UnitId;
            if (!unit.HasSummary)
            {
                name += "（尚未汇总）";
            }

            data.Append(XlsxExporter.Row(r, [
                XlsxExporter.NumberCell(Ref(1, r), n, XlsxExporter.StyleCentered),
                strings.Cell(Ref(2, r), new string('　', unit.Depth - 1) + name, XlsxExporter.StyleBody),
                strings.Cell(Ref(3, r), unit.Parent, XlsxExporter.StyleCentered),
                XlsxExporter.NumberCell(Ref(4, r), unit.Depth, XlsxExporter.StyleCentered),
                XlsxExporter.NumberCell(Ref(5, r), unit.Statements, XlsxExporter.StyleCentered),
                XlsxExporter.NumberCell(Ref(6, r), unit.Accepted, XlsxExporter.StyleCentered),
                XlsxExporter.NumberCell(Ref(7, r), unit.Problems, XlsxExporter.StyleCentered),
                XlsxExporter.NumberCell(Ref(8, r), unit.CommonProblems, XlsxExporter.StyleCentered),
                .. TrackingCells(9, r, unit.Tracking)], XlsxExporter.RowHeight([(name, UnitWidths[1])])));
            r++;
        }

        data.Append(XlsxExporter.Row(r, [
            strings.Cell(Ref(1, r), "合计", XlsxExporter.StyleHeader),
            strings.Cell(Ref(2, r), rollup.Units.Count.ToString(CultureInfo.InvariantCulture) + " 个单位" + (rollup.UnitsWithoutSummary > 0 ? "（" + rollup.UnitsWithoutSummary.ToString(CultureInfo.InvariantCulture) + " 个尚未汇总）" : string.Empty), XlsxExporter.StyleHeader),
            strings.Cell(Ref(3, r), string.Empty, XlsxExporter.StyleHeader),
            strings.Cell(Ref(4, r), string.Empty, XlsxExporter.StyleHeader),
            XlsxExporter.NumberCell(Ref(5, r), rollup.Statements, XlsxExporter.StyleCentered),
            XlsxExporter.NumberCell(Ref(6, r), rollup.Accepted, XlsxExporter.StyleCentered),
            XlsxExporter.NumberCell(Ref(7, r), rollup.Problems, XlsxExporter.StyleCentered),
            XlsxExporter.NumberCell(Ref(8, r), rollup.CommonProblems, XlsxExporter.StyleCentered),
            .. TrackingCells(9, r, rollup.Tracking)], 22));
        var cross = rollup.CrossUnitProblems.Count;
        var note = r + 2;
        data.Append(XlsxExporter.Row(note, [strings.Cell(Ref(1, note), "跨单位共性问题 " + cross.ToString(CultureInfo.InvariantCulture) + " 项（见“跨单位共性问题”表）；整改完成率 = （已完成 + 已销号）÷ 整改事项，已撤销事项不计；超期指未完成且已过整改时限。", XlsxExporter.StyleSignature)], 22));
        part.Worksheet = Sheet(UnitWidths, data, [new MergeCell { Reference = "A1:" + XlsxExporter.ColumnName(UnitHeaders.Length) + "1" }, new MergeCell { Reference = Ref(1, note) + ":" + Ref(UnitHeaders.Length, note) }], rollup.ParentId, title);
        return note;
    }

    private static uint WriteCategories(WorksheetPart part, UnitRollup rollup, string day, XlsxExporter.SharedStrings strings)
    {
        var title = "问题类别统计（" + rollup.ParentId + "，统计日：" + day + "）";
        var data = Start(strings, title, CategoryHeaders, CategoryWidths);
        var r = 3u;
        foreach (var category in rollup.ByCategory)
        {
            data.Append(XlsxExporter.Row(r, [
                strings.Cell(Ref(1, r), category.CategoryLabel, XlsxExporter.StyleBody),
                XlsxExporter.NumberCell(Ref(2, r), category.Problems, XlsxExporter.StyleCentered),
                .. TrackingCells(3, r, category.Tracking)]));
            r++;
        }

        data.Append(XlsxExporter.Row(r, [
            strings.Cell(Ref(1, r), "合计", XlsxExporter.StyleHeader),
            XlsxExporter.NumberCell(Ref(2, r), rollup.Problems, XlsxExporter.StyleCentered),
            .. TrackingCells(3, r, rollup.Tracking)]));
        part.Worksheet = Sheet(CategoryWidths, data, [new MergeCell { Reference = "A1:" + XlsxExporter.ColumnName(CategoryHeaders.Length) + "1" }], rollup.ParentId, title);
        return r;
    }

    private static uint WriteCross(WorksheetPart part, UnitRollup rollup, string day, XlsxExporter.SharedStrings strings)
    {
        var title = "跨单位共性问题（" + rollup.ParentId + "，统计日：" + day + "）";
        var data = Start(strings, title, CrossHeaders, CrossWidths);
        var r = 3u;
        foreach (var (problem, n) in rollup.CrossUnitProblems.Select((p, i) => (p, i + 1)))
        {
            var units = string.Join("、", problem.Units);
            data.Append(XlsxExporter.Row(r, [
                XlsxExporter.NumberCell(Ref(1, r), n, XlsxExporter.StyleCentered),
                strings.Cell(Ref(2, r), problem.CategoryLabel, XlsxExporter.StyleCentered),
                strings.Cell(Ref(3, r), problem.Title, XlsxExporter.StyleBody),
                XlsxExporter.NumberCell(Ref(4, r), problem.Units.Count, XlsxExporter.StyleCentered),
                strings.Cell(Ref(5, r), units, XlsxExporter.StyleBody),
                XlsxExporter.NumberCell(Ref(6, r), problem.Members, XlsxExporter.StyleCentered)], XlsxExporter.RowHeight([(problem.Title, CrossWidths[2]), (units, CrossWidths[4])])));
            r++;
        }

        part.Worksheet = Sheet(CrossWidths, data, [new MergeCell { Reference = "A1:" + XlsxExporter.ColumnName(CrossHeaders.Length) + "1" }], rollup.ParentId, title);
        return Math.Max(2, r - 1);
    }

    /// <summary>The title row and the header row.</summary>
    private static SheetData Start(XlsxExporter.SharedStrings strings, string title, string[] headers, double[] widths)
    {
        var data = new SheetData();
        data.Append(XlsxExporter.Row(1, [strings.Cell("A1", title, XlsxExporter.StyleTitle)], height: 36));
        data.Append(XlsxExporter.Row(2, [.. headers.Select((h, i) => strings.Cell(Ref(i + 1, 2), h, XlsxExporter.StyleHeader))], XlsxExporter.RowHeight(headers.Select((h, i) => (h, widths[i])))));
        return data;
    }

    private static Cell[] TrackingCells(int firstColumn, uint row, RollupTracking tracking) =>
    [
        XlsxExporter.NumberCell(Ref(firstColumn, row), tracking.Rows, XlsxExporter.StyleCentered),
        XlsxExporter.NumberCell(Ref(firstColumn + 1, row), tracking.Completed, XlsxExporter.StyleCentered),
        XlsxExporter.NumberCell(Ref(firstColumn + 2, row), tracking.SignedOff, XlsxExporter.StyleCentered),
        XlsxExporter.NumberCell(Ref(firstColumn + 3, row), tracking.Overdue, XlsxExporter.StyleCentered),
        new(new CellValue((tracking.Percent / 100).ToString("0.000", CultureInfo.InvariantCulture))) { CellReference = Ref(firstColumn + 4, row), DataType = CellValues.Number, StyleIndex = StylePercent },
    ];

    private static Worksheet Sheet(double[] widths, SheetData data, MergeCell[] merges, string parentId, string title) => new(
        new SheetProperties(new PageSetupProperties { FitToPage = true }),
        new SheetViews(new SheetView(
            new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } })
        { WorkbookViewId = 0 }),
        new SheetFormatProperties { DefaultRowHeight = 15 },
        new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
        data,
        new MergeCells(merges) { Count = (uint)merges.Length },
        new PrintOptions { HorizontalCentered = true },
        new PageMargins { Left = 0.4, Right = 0.4, Top = 0.7, Bottom = 0.7, Header = 0.3, Footer = 0.3 },
        new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
        new HeaderFooter(
            new OddHeader("&L&9" + XlsxExporter.HeaderText(parentId) + "&R&9" + XlsxExporter.HeaderText(title)),
            new OddFooter("&C&9第 &P 页 共 &N 页")));

    private static DefinedName PrintArea(string sheet, uint index, int columns, uint lastRow) =>
        new("'" + sheet + "'!$A$1:$" + XlsxExporter.ColumnName(columns) + "$" + lastRow.ToString(CultureInfo.InvariantCulture)) { Name = "_xlnm.Print_Area", LocalSheetId = index };

    private static string Ref(int column, uint row) => XlsxExporter.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
}
