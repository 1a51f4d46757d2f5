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
        Assert.Equal(["整改清单", "分类统计"], sheets);
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
