using SelfReview.Pipeline.Exports;

namespace SelfReview.Tests.Exports;

/// <summary>
/// The Office exports of a 40-member unit printed by LibreOffice, as an office would print them: one
/// soffice call for all four files. The pages are kept under artifacts/render/unit-40/ to be looked at.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExportRenderTests
{
    [Fact]
    public async Task OfficeExports_PrintInFull_WithChartPageNumbersAndAtMostOnePagePerFourRows()
    {
        var report = await FortyMemberUnit.ReportAsync();
        var files = Engine.Get<ReportWriter>().Render(report).ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal);
        var note = files.Keys.First(k => k.StartsWith("note-", StringComparison.Ordinal));
        var rendered = await LibreOfficeRenderer.RenderAsync("unit-40", new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["list-xlsx.xlsx"] = files[ReportFormats.ListXlsx.Name],
            ["list-docx.docx"] = files[ReportFormats.ListDocx.Name],
            ["report.docx"] = files[ReportFormats.UpwardReport.Name],
            ["note.docx"] = files[note],
        });
        var rows = report.Rectifications.Rows;

        // XLSX: every row's problem in full (the hidden id columns not printed), the chart drawn, the footer and the signature line.
        var xlsx = rendered["list-xlsx"];
        var missing = rows.Where(r => !xlsx.Compact.Contains(Compact(r.Problem), StringComparison.Ordinal)).Select(r => r.Number).ToList();
        Assert.True(missing.Count == 0, "rows whose problem is not printed in full: " + string.Join(", ", missing));
        Assert.DoesNotContain("#p1", xlsx.Text, StringComparison.Ordinal);
        // The chart is drawn with its bars: each category's count is printed again as the bar's label after the chart title.
        var chart = xlsx.Text[xlsx.Text.IndexOf("各类别问题数量", StringComparison.Ordinal)..].Split((char[])['\n', ' ', '\f'], StringSplitOptions.RemoveEmptyEntries);
        var counts = Enum.GetValues<SelfReview.Contracts.CategoryCode>().Select(c => rows.Where(r => r.Category == c).Sum(r => Math.Max(1, r.Problems.Count)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(counts.All(chart.Contains), "chart labels missing: " + string.Join(" ", chart.Take(40)));
        Assert.Contains("第1页共", xlsx.Compact, StringComparison.Ordinal);
        Assert.Contains("填报单位（盖章）：" + FortyMemberUnit.UnitName, xlsx.Compact, StringComparison.Ordinal);

        // DOCX list: at most one page per four rows, page numbers — N — on every page, 附件 and 落款.
        var docx = rendered["list-docx"];
        Assert.True(docx.Pages * 4 <= rows.Count, $"{docx.Pages} pages for {rows.Count} rows");
        Assert.Contains("—1—", docx.Compact, StringComparison.Ordinal);
        Assert.Contains("—" + docx.Pages + "—", docx.Compact, StringComparison.Ordinal);
        Assert.StartsWith("附件", docx.Text.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("2025年1月20日", docx.Compact, StringComparison.Ordinal);

        // The upward report: the counts it knows, the fields it cannot, no review notes.
        var upward = rendered["report"];
        Assert.Contains("共收集个人检视材料40份", upward.Compact, StringComparison.Ordinal);
        Assert.Contains("【待填写：征求意见条数】", upward.Compact, StringComparison.Ordinal);
        Assert.Contains("【待填写：谈心谈话人次】", upward.Compact, StringComparison.Ordinal);
        Assert.Contains("形成整改清单" + rows.Count + "条", upward.Compact, StringComparison.Ordinal);
        Assert.DoesNotContain("大而化之", upward.Text, StringComparison.Ordinal);

        // A note back to a member opens and says what to change.
        var memberNote = rendered["note"];
        Assert.InRange(memberNote.Pages, 1, 2);
        Assert.Contains("退改意见", memberNote.Text, StringComparison.Ordinal);
        Assert.All(rendered.Values, d => Assert.NotEmpty(d.PagePngs));
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
