using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Rollups;

namespace SelfReview.Tests.Exports;

/// <summary>The rollup workbook printed by LibreOffice; the pages are kept under artifacts/render/rollup/ to be looked at.</summary>
[Trait("Category", "Integration")]
public sealed class RollupXlsxRenderTests
{
    [Fact]
    public async Task RollupWorkbook_PrintsEveryUnitTheTotalsAndTheSharedProblems_WithPercentagesAndPageNumbers()
    {
        var today = new DateOnly(2025, 7, 1);
        string[] shared = ["理论学习不够深入系统，存在以干代学、学用脱节的现象", "调查研究不够深入，到基层一线解决实际问题不多"];
        var units = Enumerable.Range(1, 12).Select(i =>
        {
            var unitId = "town-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var titles = new List<ProblemTitle> { new() { Title = "本单位特有问题第" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "项：" + new string('专', i), Category = CategoryCode.Capability, Members = 1 } };
            titles.AddRange(shared.Take(i % 3 == 0 ? 2 : 1).Select(t => new ProblemTitle { Title = t, Category = CategoryCode.Theory, Members = 2 }));
            var figures = new UnitFigures { UnitId = unitId, UnitName = "第" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "党支部", Statements = 10 + i, Accepted = 10 + i, Members = 10 + i, Problems = 30 + i, ProblemsByCategory = new Dictionary<string, int> { ["theory"] = 20, ["capability"] = 10 + i }, CommonProblems = 2, ProblemTitles = titles };
            var rows = Enumerable.Range(0, 3).Select(r => new TrackedRowStatus { RowId = "r" + (i * 10 + r).ToString("x12", System.Globalization.CultureInfo.InvariantCulture), Category = CategoryCode.Theory, Status = r == 0 ? TrackingStatuses.Done : TrackingStatuses.NotStarted, DueDate = new DateOnly(2025, 6, 30) }).ToList();
            return new RollupSource(new HierarchyNode(unitId, "county", 1), figures, new TrackingSummary { UnitId = unitId, Rows = rows });
        }).ToList();
        var rollup = new UnitRollupBuilder(new ConsolidationOptions()).Build("county", units, [], today);

        var rendered = await LibreOfficeRenderer.RenderAsync("rollup", new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["rollup.xlsx"] = new RollupXlsxExporter().Export(rollup) });

        var pdf = rendered["rollup"];
        Assert.Contains("county所属单位民主生活会查摆问题及整改情况汇总表", pdf.Compact, StringComparison.Ordinal);
        Assert.All(units, u => Assert.Contains(u.Node.UnitId, pdf.Compact, StringComparison.Ordinal));
        Assert.Contains("整改完成率", pdf.Compact, StringComparison.Ordinal);
        Assert.Contains("合计", pdf.Compact, StringComparison.Ordinal);
        Assert.Contains("33.3%", pdf.Compact, StringComparison.Ordinal);
        Assert.Contains("第1页共", pdf.Compact, StringComparison.Ordinal);
        Assert.Contains("跨单位共性问题", pdf.Compact, StringComparison.Ordinal);
        // The wrapped cells of one row interleave in pdftotext's output: the first line of the title is checked.
        Assert.Contains(shared[0][..10], pdf.Compact, StringComparison.Ordinal);
        Assert.Equal(2, rollup.CrossUnitProblems.Count);
        Assert.Equal(12, rollup.CrossUnitProblems[0].Units.Count);
    }
}
