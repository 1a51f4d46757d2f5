using System.Globalization;
using System.Text;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>Writes the unit summary as Markdown, for people to read and paste into a report.</summary>
public sealed class MarkdownExporter
{
    public string Export(UnitSummary summary, RectificationList list)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.Append(c, $"# {list.Title.Replace("整改清单", "情况汇总", StringComparison.Ordinal)}\n\n");
        md.Append(summary.Text).Append("\n\n");
        md.Append("## 材料情况\n\n| 文件 | 责任人 | 状态 | 问题 | 原因 | 措施 | 说明 |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var m in summary.Members)
        {
            var status = m.SupersededBy is not null ? "重复（不计）" : m.Status switch { RecordStatus.Accepted => "有效", RecordStatus.Rejected => "未通过", _ => "处理失败" };
            md.Append(c, $"| {Cell(m.FileName)} | {Cell(m.Author ?? "—")} | {status} | {m.Problems} | {m.Causes} | {m.Measures} | {Cell(m.Reason ?? string.Empty)} |\n");
        }

        md.Append("\n## 问题分类\n\n| 类别 | 问题数 |\n| --- | --- |\n");
        foreach (var code in Enum.GetValues<CategoryCode>())
        {
            md.Append(c, $"| {CategoryLabels.Of(code)} | {summary.ProblemsByCategory.GetValueOrDefault(CategoryLabels.CodeOf(code))} |\n");
        }

        md.Append("\n## 共性问题\n\n");
        if (summary.CommonProblems.Count == 0)
        {
            md.Append("无。\n");
        }

        foreach (var common in summary.CommonProblems)
        {
            md.Append(c, $"- {common.Title}（{common.CategoryLabel}）：{string.Join("、", common.Owners)}\n");
        }

        md.Append("\n## 材料审核提示\n\n");
        if (summary.Quality.Count == 0)
        {
            md.Append("无。\n");
        }

        foreach (var flag in summary.Quality)
        {
            var where = flag.FileName is null ? "全单位" : flag.FileName;
            md.Append(c, $"- **{where}**：{flag.Flag.Message}");
            if (flag.Flag.Evidence.Count > 0)
            {
                md.Append('（').Append(string.Join("；", flag.Flag.Evidence.Take(3).Select(Cell))).Append('）');
            }

            md.Append('\n');
        }

        var columns = RectificationColumns.For(ColumnUse.Markdown);
        md.Append(c, $"\n## 整改清单\n\n共 {list.Rows.Count} 条，详见 {ReportFormats.ListXlsx.Name} / {ReportFormats.ListDocx.Name}。\n\n");
        md.Append("| ").Append(string.Join(" | ", columns.Select(col => col.Header))).Append(" |\n|");
        md.Append(string.Concat(columns.Select(_ => " --- |"))).Append('\n');
        foreach (var row in list.Rows)
        {
            md.Append("| ").Append(string.Join(" | ", columns.Select(col => Cell(col.BriefCell(row))))).Append(" |\n");
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
