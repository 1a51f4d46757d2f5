using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// The 班子整改清单: the team's own and the common problems (共性问题) with the unit's measure, the
/// 牵头领导 (from the roster's 分管领域; blank to fill by hand when nobody's areas cover the category),
/// the owners and the deadline. GB/T 9704 on A4 landscape, with the 落款.
/// </summary>
public sealed class TeamListExporter
{
    private const int TextWidth = 16838 - 1588 - 1474;

    private static readonly (string Header, int Width, bool Center)[] Columns =
    [
        ("序号", 700, true),
        ("问题类别", 1150, true),
        ("问题表现", 2800, false),
        ("整改措施", TextWidth - 700 - 1150 - 2800 - 1400 - 2100 - 1300, false),
        ("牵头领导", 1400, true),
        ("责任人", 2100, true),
        ("整改时限", 1300, true),
    ];

    /// <summary>The rows of the team list: common problems and the team's own statement.</summary>
    public static IReadOnlyList<RectificationRow> RowsOf(RectificationList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return [.. list.Rows.Where(r => r.Common || r.OwnerDetails.Any(o => o.MatchedBy == OwnerMatch.Team))];
    }

    public byte[] Export(RectificationList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var rows = RowsOf(list);
        var unit = list.UnitName ?? list.UnitId;
        var document = new OfficialDocument();
        document.Append(OfficialDocument.Paragraph(unit + "领导班子整改清单", OfficialDocument.TitleFont, OfficialDocument.SizeTitle, JustificationValues.Center, lineTwips: 600, after: 240));
        document.Append(SignedListTable.Build(Columns, rows.Select((r, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture),
            r.CategoryLabel,
            (r.ProblemTitle ?? RectificationColumns.ProblemBrief(r)) + (r.Common ? "（共性问题）" : string.Empty),
            RectificationColumns.MeasuresBrief(r),
            r.Lead ?? string.Empty,
            string.Join("、", r.Owners),
            r.Deadline,
        })));
        document.AppendSignature(unit, list.MeetingDate, OfficialDocument.SizeBody);
        return document.Save(landscape: true);
    }
}
