using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// Writes the report upward (情况报告) as a GB/T 9704 document: the meeting, the counts the system
/// knows (materials collected and accepted, problems by category, common problems, measures, rows of
/// the list) and, highlighted as 【待填写：…】, what only the office knows (the study beforehand, the
/// opinions collected, the heart-to-heart talks, the criticism at the meeting). Review notes on the
/// members' drafts (材料审核) are not in it: they go back to the members (<see cref="MemberNoteExporter"/>).
/// </summary>
public sealed class UpwardReportExporter
{
    private const int Size = OfficialDocument.SizeBody;
    private const int Line = OfficialDocument.BodyLinePitch;

    public byte[] Export(UnitSummary summary, RectificationList list)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(list);
        var c = CultureInfo.InvariantCulture;
        var unit = summary.UnitName ?? summary.UnitId;
        var meeting = (summary.MeetingYear is { } year ? year.ToString(c) + "年度" : string.Empty) + (summary.MeetingName ?? "民主生活会");
        var document = new OfficialDocument();
        document.Append(OfficialDocument.Paragraph("关于" + unit + "召开" + meeting + "情况的报告", OfficialDocument.TitleFont, OfficialDocument.SizeTitle, JustificationValues.Center, lineTwips: 600, after: Line));
        document.Append(Body(Fill("主送机关"), "："));

        var date = summary.MeetingDate is { } d ? d.ToString("yyyy年M月d日", c) : null;
        document.Append(Body(
            "根据", Fill("上级通知名称及文号"), "要求，" + unit + "于", date is null ? Fill("会议日期") : date, "在", Fill("会议地点"), "召开" + meeting + "，",
            Fill("主持人"), "主持会议，", Fill("督导组或上级领导"), "到会督导。现将有关情况报告如下："));

        document.Append(Heading("一、会前准备情况"));
        document.Append(Body(Subheading("（一）学习研讨。"), Fill("会前学习研讨的时间、形式、内容")));
        document.Append(Body(Subheading("（二）征求意见。"), "通过", Fill("征求意见方式"), "共征求意见建议", Fill("征求意见条数"), "条，已逐条梳理并反馈到个人。"));
        document.Append(Body(Subheading("（三）谈心谈话。"), "班子成员之间、班子成员与分管部门负责人之间开展谈心谈话", Fill("谈心谈话人次"), "人次。"));
        var materials = $"共收集个人检视材料 {summary.Statements} 份";
        materials += summary.Superseded > 0 ? $"（其中重复提交或旧版本 {summary.Superseded} 份不重复计数）" : string.Empty;
        materials += $"，经审核有效 {summary.Accepted - summary.Superseded} 份";
        var notAccepted = summary.Rejected + summary.Failed;
        materials += notAccepted > 0 ? $"，退回重写或无法识别 {notAccepted} 份" : string.Empty;
        document.Append(Body(Subheading("（四）撰写检视材料。"), materials + "。"));

        document.Append(Heading("二、会议召开情况"));
        document.Append(Body(
            "会上，", Fill("主要负责同志"), "代表班子作对照检查，班子成员逐一进行个人对照检查发言，开展批评和自我批评，共提出相互批评意见",
            Fill("相互批评意见条数"), "条。", Fill("督导组或上级领导点评要求")));

        document.Append(Heading("三、查摆的主要问题"));
        var byCategory = Enum.GetValues<CategoryCode>()
            .Select(code => (Label: CategoryLabels.Of(code), Count: summary.ProblemsByCategory.GetValueOrDefault(CategoryLabels.CodeOf(code))))
            .Where(x => x.Count > 0).OrderByDescending(x => x.Count).ToList();
        var problems = $"班子成员共查摆问题 {summary.Problems} 个";
        problems += byCategory.Count > 0 ? "，其中" + string.Join("，", byCategory.Select(x => $"{x.Label}方面 {x.Count} 个")) : string.Empty;
        problems += summary.CommonProblems.Count > 0 ? $"。梳理出共性问题 {summary.CommonProblems.Count} 个，主要是：" : "。";
        document.Append(Body(problems));
        var n = 1;
        foreach (var common in summary.CommonProblems.Take(10))
        {
            document.Append(Body($"{n++}.{common.Title.TrimEnd('。')}（{common.Owners.Count} 人查摆）。"));
        }

        document.Append(Heading("四、整改措施"));
        var rowsWithDeadline = list.Rows.Count(r => r.DeadlineFromMeasure);
        document.Append(Body(
            $"班子成员共提出整改措施 {summary.Measures} 条。针对查摆的问题，形成整改清单 {list.Rows.Count} 条（见附件），逐条明确整改措施、责任人和整改时限，其中 {rowsWithDeadline} 条时限为本人提出，其余 {list.Rows.Count - rowsWithDeadline} 条按单位统一时限掌握。",
            Fill("班子整改的主要措施")));

        document.Append(Heading("五、下一步工作"));
        document.Append(Body(Fill("下一步工作打算"), "对照整改清单逐条推进、按期销号，整改落实情况适时报告。"));

        document.Append(Body(string.Empty));
        document.Append(Body("附件：" + list.Title));
        document.AppendSignature(unit, summary.MeetingDate);
        return document.Save(landscape: false);
    }

    /// <summary>A field only the office can fill: 【待填写：…】, highlighted, so it is neither missed nor sent as it is.</summary>
    private static Run Fill(string what) => OfficialDocument.Run("【待填写：" + what + "】", OfficialDocument.BodyFont, Size, highlight: true);

    private static Run Subheading(string text) => OfficialDocument.Run(text, OfficialDocument.SubheadingFont, Size);

    private static Paragraph Heading(string text) => new(
        new ParagraphProperties(new SpacingBetweenLines { Line = Line.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }, new Indentation { FirstLineChars = 200, FirstLine = "640" }, new Justification { Val = JustificationValues.Both }),
        OfficialDocument.Run(text, OfficialDocument.HeadingFont, Size));

    /// <summary>A body paragraph (仿宋 三号, first line indented two characters) of text and runs.</summary>
    private static Paragraph Body(params object[] parts)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Line = Line.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
            new Indentation { FirstLineChars = 200, FirstLine = "640" },
            new Justification { Val = JustificationValues.Both }));
        foreach (var part in parts)
        {
            paragraph.Append(part as Run ?? OfficialDocument.Run((string)part, OfficialDocument.BodyFont, Size));
        }

        return paragraph;
    }
}
