using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>Whether a statement was taken in. A rejected or failed upload still gets a record.</summary>
public enum RecordStatus
{
    /// <summary>The upload is a statement and its structure was extracted.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,

    /// <summary>The upload was read but is not a usable statement (format, content); see <see cref="StatementRecord.Rejection"/>.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,

    /// <summary>Processing kept failing for infrastructure reasons; the upload is kept and can be reprocessed.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>Who wrote the statement.</summary>
public enum StatementKind
{
    /// <summary>One member's own statement (个人检视发言材料 / 对照检查材料).</summary>
    [JsonStringEnumMemberName("personal")] Personal,

    /// <summary>A leadership team's collective material (领导班子对照检查材料).</summary>
    [JsonStringEnumMemberName("team")] Team,
}

/// <summary>The kind of a statement section.</summary>
public enum SectionKind
{
    [JsonStringEnumMemberName("preamble")] Preamble,
    [JsonStringEnumMemberName("priorRectification")] PriorRectification,
    [JsonStringEnumMemberName("problems")] Problems,
    [JsonStringEnumMemberName("causes")] Causes,
    [JsonStringEnumMemberName("measures")] Measures,
    [JsonStringEnumMemberName("caseAnalysis")] CaseAnalysis,
    [JsonStringEnumMemberName("personalMatters")] PersonalMatters,
    [JsonStringEnumMemberName("closing")] Closing,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>The canonical problem taxonomy (domain.md, "Canonical categories").</summary>
public enum CategoryCode
{
    /// <summary>理论学习 / 创新理论.</summary>
    [JsonStringEnumMemberName("theory")] Theory,

    /// <summary>政治素质 / 政治忠诚 / 政治纪律 / 意识形态.</summary>
    [JsonStringEnumMemberName("political")] Political,

    /// <summary>能力本领 / 专业 / 创新本领.</summary>
    [JsonStringEnumMemberName("capability")] Capability,

    /// <summary>担当作为 / 斗争精神 / 推动发展.</summary>
    [JsonStringEnumMemberName("responsibility")] Responsibility,

    /// <summary>工作作风 / 形式主义官僚主义 / 调查研究.</summary>
    [JsonStringEnumMemberName("style")] Style,

    /// <summary>廉洁自律 / 八项规定 / 家风 / 生活纪律.</summary>
    [JsonStringEnumMemberName("integrity")] Integrity,

    /// <summary>宗旨意识 / 群众路线 / 为民服务.</summary>
    [JsonStringEnumMemberName("mass_line")] MassLine,

    /// <summary>管党治党 / 全面从严治党责任 / 组织生活 / 民主集中制.</summary>
    [JsonStringEnumMemberName("party_building")] PartyBuilding,

    /// <summary>None of the above.</summary>
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>What a measure's deadline means.</summary>
public enum DeadlineKind
{
    /// <summary>A date or period that ends on a date (2024年6月底前, 年底前, 3个月内).</summary>
    [JsonStringEnumMemberName("date")] Date,

    /// <summary>立行立改: fixed at once.</summary>
    [JsonStringEnumMemberName("immediate")] Immediate,

    /// <summary>长期坚持: kept up with no end.</summary>
    [JsonStringEnumMemberName("ongoing")] Ongoing,

    /// <summary>每月 / 每季度 / 每年: done again and again.</summary>
    [JsonStringEnumMemberName("recurring")] Recurring,
}

/// <summary>How the text of an upload was obtained.</summary>
public enum TextOrigin
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("docx")] Docx,
    [JsonStringEnumMemberName("plainText")] PlainText,
    [JsonStringEnumMemberName("pdfTextLayer")] PdfTextLayer,
    [JsonStringEnumMemberName("ocrTesseract")] OcrTesseract,
    [JsonStringEnumMemberName("ocrDocumentIntelligence")] OcrDocumentIntelligence,
    [JsonStringEnumMemberName("mixed")] Mixed,
}

/// <summary>How serious a material-review flag is.</summary>
public enum FlagSeverity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}
