using System.Globalization;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>The columns of the rectification list, in the order offices expect, shared by every format.</summary>
public static class RectificationColumns
{
    /// <summary>Column headers as users read them.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["序号", "问题类别", "问题表现", "问题来源", "整改措施", "责任人", "整改时限", "完成情况", "问题编号", "措施编号"];

    /// <summary>Relative widths (Excel character units) per column.</summary>
    public static IReadOnlyList<double> Widths { get; } = [6, 10, 48, 10, 52, 14, 16, 10, 30, 30];

    /// <summary>The cells of one row, as text.</summary>
    public static string[] Cells(RectificationRow row) =>
    [
        row.Number.ToString(CultureInfo.InvariantCulture),
        row.CategoryLabel,
        row.Problem,
        row.Source,
        row.Measures,
        string.Join("、", row.Owners),
        row.Deadline,
        row.Status,
        string.Join(" ", row.Problems.Select(Ref)),
        string.Join(" ", row.MeasureItems.Select(Ref)),
    ];

    /// <summary>A short reference: the first 12 hex digits of the statement id and the item id.</summary>
    public static string Ref(ItemRef item) => item.StatementId[..Math.Min(12, item.StatementId.Length)] + "#" + item.ItemId;
}
