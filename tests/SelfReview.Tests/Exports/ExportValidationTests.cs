using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;

namespace SelfReview.Tests.Exports;

public sealed class ExportValidationTests
{
    private static async Task<UnitReport> SeedUnitAsync()
    {
        var records = new[]
        {
            await Engine.ProcessFileAsync(TestFiles.SeedText),
            await Engine.ProcessFileAsync(TestFiles.CorpusFile("029.txt")),
            await Engine.ProcessFileAsync(TestFiles.CorpusFile("031.txt")),
        };
        return Engine.Get<UnitConsolidator>().Consolidate("unit-1", records);
    }

    [Fact]
    public async Task Xlsx_PassesTheOpenXmlValidator_AndHasListAndChart()
    {
        var report = await SeedUnitAsync();
        var bytes = Engine.Get<XlsxExporter>().Export(report.Rectifications);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Path?.XPath + ": " + e.Description)));
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["整改清单", "分类统计", "责任人统计"], sheets);
        Assert.Single(doc.WorkbookPart.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []));
    }

    [Fact]
    public async Task Docx_PassesTheOpenXmlValidator_AndIsALandscapeTable()
    {
        var report = await SeedUnitAsync();
        var bytes = Engine.Get<DocxExporter>().Export(report.Rectifications);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Path?.XPath + ": " + e.Description)));
        var body = doc.MainDocumentPart!.Document.Body!;
        var size = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>().Single();
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape, size.Orient!.Value);
        var table = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Single();
        Assert.Equal(report.Rectifications.Rows.Count + 1, table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count());
    }

    [Fact]
    public async Task Xlsx_PrintsOnlyTheOfficeColumns_WithTallEnoughRowsAndAChartWithCachedValues()
    {
        var report = await SeedUnitAsync();
        var bytes = Engine.Get<XlsxExporter>().Export(report.Rectifications);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var list = doc.WorkbookPart!.WorksheetParts.First(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.HeaderFooter>().Any()).Worksheet;
        var hidden = list.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Where(c => c.Hidden?.Value == true).Select(c => (int)c.Min!.Value).ToList();
        // The ten office columns (with 整改进展 and 销号) are printed; 行标识 职务, 牵头领导, 回头看 and the item ids are hidden.
        Assert.Equal([11, 12, 13, 14, 15, 16], hidden);
        var printArea = doc.WorkbookPart.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().Single(d => d.Name == "_xlnm.Print_Area");
        Assert.StartsWith("'整改清单'!$A$1:$J$", printArea.Text, StringComparison.Ordinal);
        Assert.Contains("第 &P 页 共 &N 页", list.Descendants<DocumentFormat.OpenXml.Spreadsheet.OddFooter>().Single().Text, StringComparison.Ordinal);
        var longest = report.Rectifications.Rows.MaxBy(r => r.Problem.Length)!;
        var row = list.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Single(r => r.RowIndex!.Value == (uint)(longest.Number + 2));
        Assert.True(row.Height!.Value >= XlsxExporter.WrappedLines(longest.Problem, 44) * 14, $"row {longest.Number} is {row.Height.Value} pt high");
        var chart = doc.WorkbookPart.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []).Single().ChartSpace;
        Assert.Equal(9, chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Count());
        Assert.Equal(10, chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.StringPoint>().Count());
    }

    [Fact]
    public async Task FlagsByMember_GivesEveryMemberTheFlagsAskingOneByOneGives()
    {
        // A generated unit copies sentences between members, so it has unit-wide flags naming many statements.
        var generated = new SelfReview.Fixtures.CorpusGenerator(seed: 5).Generate(60).ToList();
        var records = new List<StatementRecord>();
        foreach (var statement in generated)
        {
            records.Add(await Engine.ProcessAsync(statement.ToDocx(), statement.FileName));
        }

        var summary = Engine.Get<UnitConsolidator>().Consolidate("unit-flags", records).Summary;
        Assert.Contains(summary.Quality, q => q.StatementId is null && q.Flag.ItemIds.Count > 1);

        var byMember = MemberNoteExporter.FlagsByMember(summary);
        foreach (var member in summary.Members)
        {
            var one = MemberNoteExporter.FlagsOf(summary, member);
            Assert.Equal(one, byMember.GetValueOrDefault(member.StatementId) ?? []);
        }

        Assert.Contains(summary.Members, m => MemberNoteExporter.FlagsOf(summary, m).Count > 0);
    }

    [Fact]
    public void WrappedLines_CountsChineseCharactersAsTwoUnits_AndEachParagraph()
    {
        Assert.Equal(1, XlsxExporter.WrappedLines("一二三四五", 12));
        Assert.Equal(2, XlsxExporter.WrappedLines(new string('问', 10), 12));
        Assert.Equal(3, XlsxExporter.WrappedLines("甲\n乙\n丙", 12));
        Assert.Equal(1, XlsxExporter.WrappedLines("0123456789", 12));
    }

    [Fact]
    public async Task UpwardReportAndNotes_PassTheOpenXmlValidator_AndNotesOnlyGoToFlaggedMembers()
    {
        var report = await SeedUnitAsync();
        var files = Engine.Get<ReportWriter>().Render(report);

        Assert.Equal(ReportFormats.All.Select(f => f.Name), files.Take(ReportFormats.All.Count).Select(f => f.Name));
        var notes = files.Where(f => f.Name.StartsWith("note-", StringComparison.Ordinal)).ToList();
        var flagged = report.Summary.Members.Count(m => m.Status != RecordStatus.Accepted || MemberNoteExporter.FlagsOf(report.Summary, m).Count > 0);
        Assert.Equal(flagged, notes.Count);
        foreach (var file in files.Where(f => f.Name.EndsWith(".docx", StringComparison.Ordinal)))
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
            var errors = new OpenXmlValidator().Validate(doc).ToList();
            Assert.True(errors.Count == 0, file.Name + ": " + string.Join("\n", errors.Select(e => e.Path?.XPath + ": " + e.Description)));
            Assert.Equal(2, doc.MainDocumentPart!.FooterParts.Count());
        }

        using var upward = WordprocessingDocument.Open(new MemoryStream(files.Single(f => f.Name == ReportFormats.UpwardReport.Name).Content), false);
        var text = upward.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("【待填写：相互批评意见条数】", text, StringComparison.Ordinal);
        Assert.Contains("共收集个人检视材料 3 份", text, StringComparison.Ordinal);
        Assert.DoesNotContain("审核提示", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxWidths_GiveTheTextColumnsWhatTheNarrowOnesLeave()
    {
        var columns = RectificationColumns.For(ColumnUse.Docx);
        var row = new RectificationRow { Number = 1, Category = CategoryCode.Style, CategoryLabel = "工作作风", Problem = new string('问', 120), Measures = new string('措', 120), Deadline = "2025年6月底前", Owners = ["张三"] };
        var widths = DocxExporter.Widths(columns, [row]);

        Assert.InRange(widths.Sum(), 16838 - 1588 - 1474 - 10, 16838 - 1588 - 1474);
        Assert.True(widths[2] > widths[5] * 3 && widths[4] > widths[5] * 3);
        Assert.True(widths[5] < widths[6]);
    }

    [Fact]
    public async Task Csv_IsUtf8WithBom_AndQuotesWhatNeedsIt()
    {
        var report = await SeedUnitAsync();
        var bytes = Engine.Get<CsvExporter>().Export(report.Rectifications);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("序号,问题类别,问题表现,问题来源,整改措施,责任人,整改时限,完成情况", text, StringComparison.Ordinal);
        Assert.Equal(report.Rectifications.Rows.Count + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - CountQuotedBreaks(text));
    }

    [Fact]
    public async Task Report_IsTheSame_WhateverOrderTheRecordsCameIn()
    {
        var a = await Engine.ProcessFileAsync(TestFiles.SeedText);
        var b = await Engine.ProcessFileAsync(TestFiles.CorpusFile("029.txt"));
        var consolidator = Engine.Get<UnitConsolidator>();

        var first = SelfReviewJson.Serialize(consolidator.Consolidate("u", [a, b]).Rectifications, SelfReviewJson.RectificationList);
        var second = SelfReviewJson.Serialize(consolidator.Consolidate("u", [b, a]).Rectifications, SelfReviewJson.RectificationList);

        Assert.Equal(first, second);
    }

    private static int CountQuotedBreaks(string csv)
    {
        var inQuotes = false;
        var breaks = 0;
        for (var i = 0; i < csv.Length; i++)
        {
            if (csv[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (inQuotes && csv[i] == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                breaks++;
            }
        }

        return breaks;
    }
}
