using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Pipeline.Exports;

/// <summary>Renders a unit report into its files: summary.json|md and rectifications.json|csv|xlsx|docx.</summary>
public sealed class ReportWriter(CsvExporter csv, XlsxExporter xlsx, DocxExporter docx, MarkdownExporter markdown)
{
    /// <summary>The report files by name, with their content types.</summary>
    public IReadOnlyList<ReportFile> Render(UnitReport report) =>
    [
        new("summary.json", "application/json", SelfReviewJson.Serialize(report.Summary, SelfReviewJson.UnitSummary)),
        new("summary.md", "text/markdown; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(markdown.Export(report.Summary, report.Rectifications))),
        new("rectifications.json", "application/json", SelfReviewJson.Serialize(report.Rectifications, SelfReviewJson.RectificationList)),
        new("rectifications.csv", "text/csv; charset=utf-8", csv.Export(report.Rectifications)),
        new("rectifications.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Export(report.Rectifications)),
        new("rectifications.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Export(report.Rectifications)),
    ];
}
