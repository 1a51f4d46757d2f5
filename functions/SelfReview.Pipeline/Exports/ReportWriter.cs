using System.Text;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Diagnostics;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// Renders a unit report into its files (<see cref="ReportFormats"/>): the summary (JSON, Markdown), the
/// rectification list (JSON, CSV, XLSX, DOCX), the upward report (report.docx, 情况报告), one note back
/// to each member whose statement has review flags (note-{id}.docx, 退改意见), the list each member signs
/// (personal-{id}.docx, 个人整改清单) and the team's list (team-list.docx, 班子整改清单).
/// </summary>
public sealed class ReportWriter(CsvExporter csv, XlsxExporter xlsx, DocxExporter docx, MarkdownExporter markdown, UpwardReportExporter upward, MemberNoteExporter notes, PersonalListExporter personal, TeamListExporter team)
{
    /// <summary>The report files by name, with their content types.</summary>
    public IReadOnlyList<ReportFile> Render(UnitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Every file is rendered from the report alone: hundreds of small documents in a large unit (a note
        // and a personal list per member) and the unit's lists, on every core, in this order.
        var files = new List<Func<ReportFile>>
        {
            () => File(ReportFormats.SummaryJson, SelfReviewJson.Serialize(report.Summary, SelfReviewJson.UnitSummary)),
            () => File(ReportFormats.SummaryMarkdown, Encoding.UTF8.GetBytes(markdown.Export(report.Summary, report.Rectifications))),
            () => File(ReportFormats.ListJson, SelfReviewJson.Serialize(report.Rectifications, SelfReviewJson.RectificationList)),
            () => File(ReportFormats.ListCsv, csv.Export(report.Rectifications)),
            () => File(ReportFormats.ListXlsx, xlsx.Export(report.Rectifications)),
            () => File(ReportFormats.ListDocx, docx.Export(report.Rectifications)),
            () => File(ReportFormats.UpwardReport, upward.Export(report.Summary, report.Rectifications)),
        };
        var flagsByMember = MemberNoteExporter.FlagsByMember(report.Summary);
        foreach (var member in report.Summary.Members)
        {
            var flags = flagsByMember.GetValueOrDefault(member.StatementId) ?? [];
            if (member.Status != RecordStatus.Accepted || flags.Count > 0)
            {
                files.Add(() => File(ReportFormats.MemberNote(member.StatementId), notes.Export(report.Summary, member, flags)));
            }
        }

        // The lists people sign: one per member who owns rows, and the team's list of common problems.
        foreach (var member in report.Summary.Members.Where(m => m.Status == RecordStatus.Accepted && m.SupersededBy is null && m.StatementKind != StatementKind.Team))
        {
            if (PersonalListExporter.RowsOf(report.Rectifications, member.StatementId).Count > 0)
            {
                files.Add(() => File(ReportFormats.PersonalList(member.StatementId), personal.Export(report.Rectifications, member)));
            }
        }

        files.Add(() => File(ReportFormats.TeamList, team.Export(report.Rectifications)));
        var rendered = new ReportFile[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => rendered[i] = files[i]());
        return rendered;
    }

    private static ReportFile File(ReportFormat format, byte[] content)
    {
        StartupPhases.Mark("rendered " + format.Name);
        return new(format.Name, format.ContentType, content);
    }
}
