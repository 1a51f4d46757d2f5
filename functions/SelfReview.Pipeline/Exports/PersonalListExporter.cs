using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SelfReview.Contracts;
using SelfReview.Pipeline.Roster;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// The 个人整改清单 a member signs (承诺) and that may be posted (公示): GB/T 9704 on A4 portrait, title in
/// 方正小标宋简体 二号, the member's name and 职务, a table of the member's rows (problem, the member's own
/// measure, deadline), the pledge, and a place for 本人签字 and the date.
/// </summary>
public sealed class PersonalListExporter
{
    /// <summary>Text width of A4 portrait within the margins, twentieths of a point.</summary>
    private const int TextWidth = 11906 - 1588 - 1474;

    private static readonly (string Header, int Width, bool Center)[] Columns =
    [
        ("序号", 700, true),
        ("问题类别", 1150, true),
        ("问题表现", 3000, false),
        ("整改措施", TextWidth - 700 - 1150 - 3000 - 1250, false),
        ("整改时限", 1250, true),
    ];

    /// <summary>The rows a member owns, by their statement.</summary>
    public static IReadOnlyList<RectificationRow> RowsOf(RectificationList list, string statementId)
    {
        ArgumentNullException.ThrowIfNull(list);
        return [.. list.Rows.Where(r => r.OwnerDetails.Any(o => o.StatementId == statementId))];
    }

    public byte[] Export(RectificationList list, MemberSummary member)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(member);
        var rows = RowsOf(list, member.StatementId);
        var owner = rows.SelectMany(r => r.OwnerDetails).FirstOrDefault(o => o.StatementId == member.StatementId)
            ?? new RowOwner(member.Author ?? OwnerResolver.Unconfirmed, member.Position, member.StatementId, OwnerMatch.Unconfirmed);
        var document = new OfficialDocument();
        document.Append(OfficialDocument.Paragraph((owner.Name == OwnerResolver.Unconfirmed ? owner.Name : owner.Name + "同志") + "个人整改清单", OfficialDocument.TitleFont, OfficialDocument.SizeTitle, JustificationValues.Center, lineTwips: 600, after: 240));
        var unit = list.UnitName ?? list.UnitId;
        document.Append(OfficialDocument.Paragraph("单位：" + unit + "　　职务：" + (owner.Position ?? "　　　　　　") + "　　共 " + rows.Count.ToString(CultureInfo.InvariantCulture) + " 项", OfficialDocument.BodyFont, OfficialDocument.SizeFour, JustificationValues.Left, lineTwips: 480, after: 120));
        document.Append(SignedListTable.Build(Columns, rows.Select((r, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture),
            r.CategoryLabel,
            RectificationColumns.ProblemBrief(r) + (r.LastYear is { } prior ? "\n（上年度已列" + (prior.Row.Number > 0 ? "第 " + prior.Row.Number.ToString(CultureInfo.InvariantCulture) + " 项" : string.Empty) + "）" : string.Empty),
            MeasureOf(r, owner.Name),
            r.Deadline,
        })));
        document.Append(OfficialDocument.Paragraph(string.Empty, OfficialDocument.BodyFont, OfficialDocument.SizeBody));
        document.Append(OfficialDocument.Paragraph("本人对以上问题和整改措施认领无误，承诺按时限逐项整改到位，接受组织和群众监督。", OfficialDocument.BodyFont, OfficialDocument.SizeBody, JustificationValues.Both, firstLineChars: 2, lineTwips: OfficialDocument.BodyLinePitch));
        document.Append(OfficialDocument.Paragraph(string.Empty, OfficialDocument.BodyFont, OfficialDocument.SizeBody));
        var charTwips = OfficialDocument.SizeBody * 10;
        document.Append(OfficialDocument.Paragraph("本人签字：＿＿＿＿＿＿＿＿", OfficialDocument.BodyFont, OfficialDocument.SizeBody, JustificationValues.Right, lineTwips: 720, rightIndent: charTwips * 2));
        document.Append(OfficialDocument.Paragraph("　　年　　月　　日", OfficialDocument.BodyFont, OfficialDocument.SizeBody, JustificationValues.Right, lineTwips: OfficialDocument.BodyLinePitch, rightIndent: charTwips * 3));
        return document.Save(landscape: false);
    }

    /// <summary>The member's own measure of a row: on a common row, the member's line (without their name), else the row's measures.</summary>
    private static string MeasureOf(RectificationRow row, string owner)
    {
        if (!row.Common)
        {
            return RectificationColumns.MeasuresBrief(row);
        }

        var prefix = owner + "：";
        var own = row.Measures.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => RectificationColumns.FirstSentence(l[prefix.Length..])).ToList();
        return own.Count > 0 ? string.Join("\n", own) : "（请本人补充针对本问题的整改措施）";
    }
}
