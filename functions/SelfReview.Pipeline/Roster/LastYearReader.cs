using System.Globalization;
using System.Text.Json;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Roster;

/// <summary>
/// Reads last year's list of the unit for 回头看: this system's own <c>rectifications.json</c>, or its
/// <c>rectifications.xlsx</c> / <c>.csv</c> (also after someone edited it: the header row is found by its
/// 问题表现 column, 序号 and 完成情况 are optional). Returns the rows, or a Chinese reason naming the file.
/// </summary>
public static class LastYearReader
{
    public const int MaxRows = TableFile.MaxRows;

    private static readonly string[] ProblemHeaders = ["问题表现", "问题", "存在问题", "查摆问题", "问题描述", "主要问题"];
    private static readonly string[] NumberHeaders = ["序号", "编号"];
    private static readonly string[] StatusHeaders = ["完成情况", "整改情况", "状态", "整改状态", "进展情况"];

    public static (IReadOnlyList<PriorRow>? Rows, string? Error) Read(string fileName, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var trimmed = content.StartsWith("\xEF\xBB\xBF"u8) ? content[3..] : content;
        if (!trimmed.IsEmpty && (trimmed[0] == (byte)'{'))
        {
            return ReadJson(fileName, trimmed);
        }

        var (table, error) = TableFile.Read(fileName, content);
        if (table is null)
        {
            return (null, error);
        }

        for (var r = 0; r < Math.Min(10, table.Count); r++)
        {
            var header = table[r].Select(h => string.Concat(h.Where(c => !char.IsWhiteSpace(c)))).ToArray();
            var problem = Array.FindIndex(header, h => ProblemHeaders.Contains(h, StringComparer.Ordinal));
            if (problem < 0)
            {
                continue;
            }

            var number = Array.FindIndex(header, h => NumberHeaders.Contains(h, StringComparer.Ordinal));
            var status = Array.FindIndex(header, h => StatusHeaders.Contains(h, StringComparer.Ordinal));
            var rows = new List<PriorRow>();
            for (var i = r + 1; i < table.Count; i++)
            {
                var cells = table[i];
                var text = problem < cells.Length ? cells[problem].Trim() : string.Empty;
                if (text.Length == 0)
                {
                    continue; // the 填报单位 line, blank rows
                }

                rows.Add(new PriorRow
                {
                    Number = number >= 0 && number < cells.Length && int.TryParse(cells[number], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rows.Count + 1,
                    Problem = text,
                    Status = status >= 0 && status < cells.Length && cells[status].Trim() is { Length: > 0 } s ? s : null,
                });
            }

            return rows.Count == 0 ? (null, $"“{fileName}”的“问题表现”列下没有内容") : (rows, null);
        }

        return (null, $"“{fileName}”中找不到“问题表现”列：请上传本系统导出的上年度整改清单（rectifications.xlsx 或 .json）");
    }

    private static (IReadOnlyList<PriorRow>? Rows, string? Error) ReadJson(string fileName, ReadOnlySpan<byte> content)
    {
        try
        {
            var list = SelfReviewJson.Deserialize(content, SelfReviewJson.RectificationList);
            if (list.Rows.Count > MaxRows)
            {
                return (null, $"“{fileName}”超过 {MaxRows} 行");
            }

            return list.Rows.Count == 0
                ? (null, $"“{fileName}”中没有整改事项")
                : ([.. list.Rows.Select(r => new PriorRow { Number = r.Number, Problem = r.ProblemTitle is { Length: > 0 } t && !r.Common ? t + "。" + r.Problem : r.Problem, Status = r.Status })], null);
        }
        catch (JsonException)
        {
            return (null, $"“{fileName}”不是本系统导出的整改清单 JSON（rectifications.json）");
        }
    }
}
