using DocumentFormat.OpenXml.Wordprocessing;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// Writes the notes back to one member on their draft (退改意见): the review flags of their statement,
/// each once, worded for the member, with the excerpts to look at. Unit-wide findings that concern the
/// statement (text the same as another's) are worded without naming the other members. These notes go
/// back to the member only; the upward report never carries them.
/// </summary>
public sealed class MemberNoteExporter
{
    private const int Size = OfficialDocument.SizeBody;

    /// <summary>The flags that concern a member: their statement's own and the unit's that name it, each (code, message) once.</summary>
    public static IReadOnlyList<QualityFlag> FlagsOf(UnitSummary summary, MemberSummary member)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(member);
        return Filtered(summary.Quality
            .Where(q => q.StatementId == member.StatementId || (q.StatementId is null && q.Flag.ItemIds.Contains(member.StatementId)))
            .Select(q => q.Flag));
    }

    /// <summary>
    /// <see cref="FlagsOf"/> of every member at once, in one pass over the unit's flags: asking member by
    /// member scans every flag (and the statements a unit-wide flag names) once per member, which grew with
    /// the square of the unit (147 ms per note in a 1,000-member unit, two and a half minutes in all).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<QualityFlag>> FlagsByMember(UnitSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var raw = new Dictionary<string, List<QualityFlag>>(StringComparer.Ordinal);
        void Add(string statementId, QualityFlag flag)
        {
            if (!raw.TryGetValue(statementId, out var list))
            {
                raw[statementId] = list = [];
            }

            list.Add(flag);
        }

        foreach (var q in summary.Quality)
        {
            if (q.StatementId is { } id)
            {
                Add(id, q.Flag);
            }
            else
            {
                foreach (var named in q.Flag.ItemIds.Distinct(StringComparer.Ordinal))
                {
                    Add(named, q.Flag);
                }
            }
        }

        return raw.ToDictionary(e => e.Key, e => Filtered(e.Value), StringComparer.Ordinal);
    }

    private static IReadOnlyList<QualityFlag> Filtered(IEnumerable<QualityFlag> flags) =>
        [.. flags.Where(f => f.Severity != FlagSeverity.Info || f.Code == "superseded_statement").DistinctBy(f => (f.Code, MemberWording(f)))];

    public byte[] Export(UnitSummary summary, MemberSummary member) => Export(summary, member, FlagsOf(summary, member));

    /// <summary>The member's note with its flags already gathered (<see cref="FlagsByMember"/>).</summary>
    public byte[] Export(UnitSummary summary, MemberSummary member, IReadOnlyList<QualityFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(flags);
        var document = new OfficialDocument();
        document.Append(OfficialDocument.Paragraph("检视材料退改意见", OfficialDocument.TitleFont, OfficialDocument.SizeTitle, JustificationValues.Center, lineTwips: 600, after: OfficialDocument.BodyLinePitch));
        document.Append(OfficialDocument.Paragraph((member.StatementKind == StatementKind.Team ? "领导班子" : member.Author is { } name ? name + "同志" : "“" + member.FileName + "”的提交人") + "：", OfficialDocument.BodyFont, Size, JustificationValues.Left, lineTwips: OfficialDocument.BodyLinePitch));
        if (member.Status != RecordStatus.Accepted)
        {
            document.Append(Body("您提交的材料未能通过审核：" + (member.Reason ?? "无法识别为检视材料") + "请修改后重新提交。"));
        }
        else if (flags.Count == 0)
        {
            document.Append(Body("您提交的检视材料经审核，未发现需要修改的问题。"));
        }
        else
        {
            document.Append(Body($"您提交的检视材料经审核，有以下 {flags.Count} 处请在会前修改完善："));
        }

        var n = 1;
        foreach (var flag in flags)
        {
            var evidence = flag.Evidence.Take(2).ToList();
            document.Append(Body($"{n++}.{MemberWording(flag)}" + (evidence.Count > 0 ? "涉及：" + string.Join("；", evidence.Select(e => "“" + e.TrimEnd('。') + "”")) + "。" : string.Empty)));
        }

        document.Append(Body("修改后请将材料再次提交，如有疑问请与办公室联系。"));
        document.AppendSignature(summary.UnitName ?? summary.UnitId, summary.MeetingDate);
        return document.Save(landscape: false);
    }

    /// <summary>A flag said to the member about their own draft; unit-wide findings without the other members' names.</summary>
    private static string MemberWording(QualityFlag flag) => flag.Code switch
    {
        "copied_text" => "材料中有段落与本单位其他同志的材料一字不差，请结合本人思想和工作实际重新撰写。",
        "identical_items" => "有条目与本单位其他同志的写法完全相同，请结合本人实际具体查摆。",
        "superseded_statement" => "您提交了多份内容相同或前后版本的材料，本次以最后一版为准，其余不再计入。",
        _ => flag.Message,
    };

    private static Paragraph Body(string text) =>
        OfficialDocument.Paragraph(text, OfficialDocument.BodyFont, Size, JustificationValues.Both, firstLineChars: 2, lineTwips: OfficialDocument.BodyLinePitch);
}
