using System.Globalization;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// The columns of the rectification list, in the order offices expect: the one list every exporter
/// iterates (a new column is one line here).
/// </summary>
public static class RectificationColumns
{
    private const ColumnUse Everywhere = ColumnUse.Xlsx | ColumnUse.Docx | ColumnUse.Csv | ColumnUse.Printed;
    private const ColumnUse Data = ColumnUse.Xlsx | ColumnUse.Csv;

    /// <summary>Tracking columns: printed from the XLSX; the Word list (its width is the page's) folds them into 完成情况.</summary>
    private const ColumnUse Tracked = ColumnUse.Xlsx | ColumnUse.Csv | ColumnUse.Printed;

    /// <summary>How much of the latest progress note the Word list's 完成情况 cell shows.</summary>
    private const int BriefProgressChars = 20;

    private static readonly char[] SentenceEnds = ['。', '！', '？', '；'];

    public static IReadOnlyList<RectificationColumn> All { get; } =
    [
        new("序号", r => r.Number.ToString(CultureInfo.InvariantCulture), 5, ColumnAlignment.Center, Everywhere | ColumnUse.Markdown, MaxDocxChars: 2),
        new("问题类别", r => r.CategoryLabel, 9, ColumnAlignment.Center, Everywhere | ColumnUse.Markdown, MaxDocxChars: 4),
        new("问题表现", r => r.Problem, 44, ColumnAlignment.Left, Everywhere | ColumnUse.Markdown, ProblemBrief, MaxDocxChars: 22),
        new("问题来源", r => r.Source, 8, ColumnAlignment.Center, Everywhere, MaxDocxChars: 2),
        new("整改措施", r => r.Measures, 46, ColumnAlignment.Left, Everywhere, MeasuresBrief, MaxDocxChars: 28),
        new("责任人", r => string.Join("、", r.Owners), 14, ColumnAlignment.Center, Everywhere | ColumnUse.Markdown, r => string.Join("\n", r.Owners), MaxDocxChars: 8),
        new("整改时限", r => r.Deadline, 12, ColumnAlignment.Center, Everywhere | ColumnUse.Markdown, MaxDocxChars: 6),
        new("完成情况", r => r.Status, 8, ColumnAlignment.Center, Everywhere, StatusBrief, MaxDocxChars: 3),
        new(ProgressHeader, r => r.LatestProgress ?? string.Empty, 24, ColumnAlignment.Left, Tracked),
        new("销号", SignOff, 12, ColumnAlignment.Center, Tracked),
        new(RowIdHeader, r => r.RowId, 14, ColumnAlignment.Left, Data),
        new("职务", r => string.Join("、", r.OwnerDetails.Select(o => o.Position).OfType<string>().Distinct()), 14, ColumnAlignment.Center, Data),
        new("牵头领导", r => r.Lead ?? string.Empty, 10, ColumnAlignment.Center, Data),
        new("回头看（上年度已列）", PriorCell, 30, ColumnAlignment.Left, Data),
        new("问题编号", r => string.Join(" ", r.Problems.Select(Ref)), 30, ColumnAlignment.Left, Data),
        new("措施编号", r => string.Join(" ", r.MeasureItems.Select(Ref)), 30, ColumnAlignment.Left, Data),
    ];

    /// <summary>整改进展: the latest progress note (the import reads edits of it back).</summary>
    public const string ProgressHeader = "整改进展";

    /// <summary>The row's identity: a hidden XLSX column, so an edited sheet can be imported back row by row.</summary>
    public const string RowIdHeader = "行标识";

    /// <summary>销号: the date and who signed the row off, when it was.</summary>
    public static string SignOff(RectificationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.SignedOffOn is { } on ? on.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) + (row.SignedOffBy is { } by ? "\n" + by : string.Empty) : string.Empty;
    }

    /// <summary>完成情况 in the Word list: the status, the 销号 date and who, and the start of the latest progress note.</summary>
    public static string StatusBrief(RectificationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var brief = row.Status;
        if (SignOff(row) is { Length: > 0 } signOff)
        {
            brief += "\n" + signOff;
        }

        if (row.LatestProgress is { Length: > 0 } progress)
        {
            brief += "\n" + (progress.Length <= BriefProgressChars ? progress : progress[..BriefProgressChars] + "…");
        }

        return brief;
    }
    /// <summary>回头看: last year's row beside this one (序号, problem, status), empty when the problem is new.</summary>
    public static string PriorCell(RectificationRow row) => row?.LastYear is not { } prior
        ? string.Empty
        : (prior.Row.Number > 0 ? "上年度第 " + prior.Row.Number.ToString(CultureInfo.InvariantCulture) + " 项：" : prior.Source + "：")
            + FirstSentence(prior.Row.Problem, 40) + (prior.Row.Status is { } status ? "（" + status + "）" : string.Empty);

    /// <summary>The columns shown in one format, in order.</summary>
    public static IReadOnlyList<RectificationColumn> For(ColumnUse use) => [.. All.Where(c => c.Shows(use))];

    /// <summary>A short reference: the first 12 hex digits of the statement id and the item id.</summary>
    public static string Ref(ItemRef item) => item.StatementId[..Math.Min(12, item.StatementId.Length)] + "#" + item.ItemId;

    /// <summary>The problem's title and the first sentence of what follows it; the full text stays in the XLSX and JSON.</summary>
    public static string ProblemBrief(RectificationRow row)
    {
        var title = row.ProblemTitle;
        if (row.Common || string.IsNullOrEmpty(title))
        {
            return row.Common ? row.Problem : FirstSentence(row.Problem);
        }

        var at = row.Problem.IndexOf(title, StringComparison.Ordinal);
        var rest = at >= 0 ? row.Problem[(at + title.Length)..] : row.Problem;
        rest = rest.TrimStart('。', '，', '：', '；', ' ', '！');
        var first = FirstSentence(rest);
        return first.Length == 0 ? title : title.TrimEnd('。') + "。" + first;
    }

    /// <summary>Each line of the measures (one per member) reduced to its first sentence.</summary>
    public static string MeasuresBrief(RectificationRow row) =>
        string.Join("\n", row.Measures.Split('\n').Select(FirstSentence));

    /// <summary>
    /// The first sentence, ended by its own punctuation. A sentence longer than <paramref name="max"/>
    /// ends at its last clause (，) within the limit: never in the middle of a clause.
    /// </summary>
    public static string FirstSentence(string text, int max = 60)
    {
        var end = text.IndexOfAny(SentenceEnds);
        var sentence = end < 0 ? text : text[..(end + 1)];
        if (sentence.Length <= max)
        {
            return sentence;
        }

        var comma = sentence.LastIndexOf('，', max);
        return comma > 8 ? sentence[..comma] + "。" : sentence;
    }
}
