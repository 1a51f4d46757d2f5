using System.Globalization;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Roster;

/// <summary>
/// Reads an office's roster (名册): an XLSX or CSV sheet whose header row (within its first rows, under a
/// title line if there is one) names 姓名 and optionally 职务, 分管领域 and 文件名, in any order and in the
/// usual variants (名字, 职位, 分管工作, 材料文件名 …); other columns are ignored. A row with content but
/// no name, an overlong name, or a name given twice refuses the file, naming the row, so the office fixes
/// the sheet rather than getting a list with silent gaps.
/// </summary>
public static class RosterReader
{
    public const int MaxNameLength = 20;
    public const int MaxPeople = 2000;

    /// <summary>How many of the first rows may hold the header (a title line, a blank line above it).</summary>
    private const int HeaderSearchRows = 10;

    /// <summary>Each column and the header texts that name it (after spaces and marks are removed), most specific first.</summary>
    private static readonly (string Column, string[] Headers)[] Columns =
    [
        ("fileName", ["文件名", "文件名称", "材料文件名", "材料名称", "文件", "材料"]),
        ("name", ["姓名", "名字", "人员", "人员姓名", "同志", "班子成员", "成员"]),
        ("position", ["职务", "职位", "现任职务", "职务职级", "岗位", "职务岗位"]),
        ("areas", ["分管领域", "分管工作", "分管", "分工", "分管范围", "职责分工", "分管事项", "工作分工"]),
    ];

    public static RosterReadResult Read(string fileName, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var (rows, error) = TableFile.Read(fileName, content);
        if (rows is null)
        {
            return new RosterReadResult.Rejected(error!);
        }

        var headerAt = -1;
        Dictionary<string, int>? map = null;
        for (var r = 0; r < Math.Min(HeaderSearchRows, rows.Count) && map is null; r++)
        {
            var found = MapHeader(rows[r]);
            if (found.ContainsKey("name"))
            {
                map = found;
                headerAt = r;
            }
        }

        if (map is null)
        {
            return new RosterReadResult.Rejected($"“{fileName}”中找不到“姓名”列：名册的表头应为 姓名、职务、分管领域（可选 文件名），请检查第一行");
        }

        var people = new List<RosterPerson>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = headerAt + 1; r < rows.Count; r++)
        {
            var cells = rows[r];
            string Cell(string column) => map.TryGetValue(column, out var c) && c < cells.Length ? cells[c].Trim() : string.Empty;
            var line = (r + 1).ToString(CultureInfo.InvariantCulture);
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var name = Normalize(Cell("name"));
            if (name.Length == 0)
            {
                return new RosterReadResult.Rejected($"“{fileName}”第 {line} 行缺少姓名：请填写姓名或删除该行");
            }

            if (name.Length > MaxNameLength)
            {
                return new RosterReadResult.Rejected($"“{fileName}”第 {line} 行的姓名过长（最多 {MaxNameLength} 个字）：请检查是否把职务或其他内容填进了姓名列");
            }

            if (seen.TryGetValue(name, out var before))
            {
                return new RosterReadResult.Rejected($"“{fileName}”第 {line} 行的姓名“{name}”与第 {before} 行重复：同名的两位同志请在姓名后加以区分（如 张伟（办公室））");
            }

            seen[name] = r + 1;
            if (people.Count == MaxPeople)
            {
                return new RosterReadResult.Rejected($"“{fileName}”超过 {MaxPeople} 人，不像是一个单位的名册");
            }

            var files = Cell("fileName");
            people.Add(new RosterPerson
            {
                Name = name,
                Position = Cell("position") is { Length: > 0 } position ? position : null,
                Areas = Cell("areas") is { Length: > 0 } areas ? areas : null,
                FileNames = files.Length == 0 ? [] : [.. files.Split(['、', ';', '；', '\n', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            });
        }

        return people.Count == 0
            ? new RosterReadResult.Rejected($"“{fileName}”只有表头，没有人员：请在表头下逐行填写 姓名、职务、分管领域")
            : new RosterReadResult.Read(people);
    }

    /// <summary>A name as people write it in sheets: no inner spaces (张　三), no trailing 同志.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var compact = string.Concat(name.Where(c => !char.IsWhiteSpace(c) && c != '\u3000'));
        return compact.EndsWith("同志", StringComparison.Ordinal) && compact.Length > 3 ? compact[..^2] : compact;
    }

    private static Dictionary<string, int> MapHeader(string[] cells)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < cells.Length; c++)
        {
            var header = string.Concat(cells[c].Where(ch => !char.IsWhiteSpace(ch) && ch is not ('*' or '＊' or '：' or ':' or '（' or '）' or '(' or ')')));
            if (header.Length == 0)
            {
                continue;
            }

            foreach (var (column, headers) in Columns)
            {
                if (!map.ContainsKey(column) && headers.Any(h => header == h || (h.Length >= 2 && header.StartsWith(h, StringComparison.Ordinal) && header.Length <= h.Length + 4)))
                {
                    map[column] = c;
                    break;
                }
            }
        }

        return map;
    }
}
