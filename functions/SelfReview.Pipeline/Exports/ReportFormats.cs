namespace SelfReview.Pipeline.Exports;

/// <summary>
/// The one table of report files and content types: the writer renders these names, the stores type
/// files by these extensions, and the API serves and names downloads from it.
/// </summary>
public static class ReportFormats
{
    public const string JsonType = "application/json";
    public const string MarkdownType = "text/markdown; charset=utf-8";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static ReportFormat SummaryJson { get; } = new("summary.json", JsonType, "情况汇总");
    public static ReportFormat SummaryMarkdown { get; } = new("summary.md", MarkdownType, "情况汇总");
    public static ReportFormat ListJson { get; } = new("rectifications.json", JsonType, "整改清单");
    public static ReportFormat ListCsv { get; } = new("rectifications.csv", CsvType, "整改清单");
    public static ReportFormat ListXlsx { get; } = new("rectifications.xlsx", XlsxType, "整改清单");
    public static ReportFormat ListDocx { get; } = new("rectifications.docx", DocxType, "整改清单");

    /// <summary>The upward report (情况报告), GB/T 9704.</summary>
    public static ReportFormat UpwardReport { get; } = new("report.docx", DocxType, "情况报告");

    /// <summary>Every fixed report file, in the order they are written.</summary>
    public static IReadOnlyList<ReportFormat> All { get; } = [SummaryJson, SummaryMarkdown, ListJson, ListCsv, ListXlsx, ListDocx, UpwardReport];

    /// <summary>The notes back to one member (退改意见): <c>note-{first 12 hex digits of the statement id}.docx</c>.</summary>
    public static ReportFormat MemberNote(string statementId) =>
        new("note-" + statementId[..Math.Min(12, statementId.Length)] + ".docx", DocxType, "退改意见");

    /// <summary>The list a member signs (个人整改清单): <c>personal-{first 12 hex digits of the statement id}.docx</c>.</summary>
    public static ReportFormat PersonalList(string statementId) =>
        new("personal-" + statementId[..Math.Min(12, statementId.Length)] + ".docx", DocxType, "个人整改清单");

    /// <summary>The team's list of common problems with 牵头领导 (班子整改清单).</summary>
    public static ReportFormat TeamList { get; } = new("team-list.docx", DocxType, "班子整改清单");

    /// <summary>The content type of a file by its extension (with or without the dot); null when not a report type.</summary>
    public static string? ContentTypeOf(string extension) => extension.TrimStart('.').ToLowerInvariant() switch
    {
        "json" => JsonType,
        "md" => MarkdownType,
        "csv" => CsvType,
        "xlsx" => XlsxType,
        "docx" => DocxType,
        _ => null,
    };

    /// <summary>The rectification list by the format the API names (json, csv, xlsx, docx).</summary>
    public static ReportFormat? List(string format) => All.FirstOrDefault(f => f.Name.StartsWith("rectifications.", StringComparison.Ordinal) && string.Equals(f.Extension, format, StringComparison.OrdinalIgnoreCase));
}
