using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;

namespace SelfReview.Pipeline.Tracking;

/// <summary>
/// Reads back the XLSX list this system exported after someone edited it in Excel or WPS: on the
/// 整改清单 sheet, the line of headers holding the hidden 行标识 column, then per line the row id and the
/// edited 完成情况, 整改进展 and 责任人. Each difference from the tracked list becomes a change by row id
/// (<see cref="RectificationTracker"/>); what cannot be applied is refused line by line with the reason,
/// and the rest goes on. Columns are found by header, so a column moved or inserted by hand still reads.
/// </summary>
public sealed class ListImporter(RectificationTracker tracker)
{
    private const string StatusHeader = "完成情况";
    private const string OwnersHeader = "责任人";

    private static readonly char[] OwnerSeparators = ['、', '，', ',', '；', ';', '\n', ' ', '　'];

    /// <summary>Why the file is not an exported list (in Chinese), or the import's report.</summary>
    public async Task<(ImportReport? Report, string? Error)> ImportAsync(string unitId, string fileName, byte[] content, string actor, bool maySignOff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Read(content) is not { } sheet)
        {
            return (null, $"“{fileName}”不是本系统导出的整改清单 Excel 文件（.xlsx，含“整改清单”工作表和隐藏的“{RectificationColumns.RowIdHeader}”列），无法导入");
        }

        if (await tracker.GetListAsync(unitId, cancellationToken) is not { } tracked)
        {
            return (null, $"单位“{unitId}”尚未生成整改清单，无法导入“{fileName}”");
        }

        var rows = tracked.List.Rows.Where(r => r.RowId.Length > 0).ToDictionary(r => r.RowId, StringComparer.Ordinal);
        var changed = new List<ImportChange>();
        var refused = new List<ImportRefusal>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in sheet)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line.RowId.Length == 0)
            {
                refused.Add(new ImportRefusal(line.Number, null, "这一行没有行标识（隐藏列“" + RectificationColumns.RowIdHeader + "”为空或被删除），无法对应到清单中的问题"));
                continue;
            }

            if (!rows.TryGetValue(line.RowId, out var row))
            {
                refused.Add(new ImportRefusal(line.Number, line.RowId, "行标识“" + line.RowId + "”不在本单位的整改清单中（可能来自其他单位的清单，或被改动过）"));
                continue;
            }

            if (!seen.Add(line.RowId))
            {
                refused.Add(new ImportRefusal(line.Number, line.RowId, $"序号 {row.Number} 的问题在表中出现了不止一次，只按第一次出现的一行导入"));
                continue;
            }

            var status = line.Status is { Length: > 0 } s && s != row.Status ? s : null;
            if (row.Withdrawn)
            {
                if (status is not null || (line.Progress is { Length: > 0 } p0 && p0 != row.LatestProgress))
                {
                    refused.Add(new ImportRefusal(line.Number, line.RowId, $"序号 {row.Number} 的问题已撤销（不再出现在检视材料中），不能再修改"));
                }

                continue;
            }

            if (status is not null && !TrackingStatuses.IsValid(status))
            {
                refused.Add(new ImportRefusal(line.Number, line.RowId, $"序号 {row.Number} 的完成情况“{status}”无效：只能填{string.Join("、", TrackingStatuses.All)}之一，此项未导入"));
                status = null;
            }

            var note = line.Progress is { Length: > 0 } p && p != row.LatestProgress ? p : null;
            var ownerText = string.Join("、", row.Owners);
            var owners = line.Owners is { Length: > 0 } o && o != ownerText
                ? o.Split(OwnerSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList()
                : null;
            if (status is null && note is null && owners is null)
            {
                continue;
            }

            var update = await tracker.ApplyAsync(unitId, row, new RowChange(status, note, owners), actor, ifMatch: null, maySignOff, cancellationToken);
            switch (update)
            {
                case RowUpdate.Updated:
                    if (status is not null)
                    {
                        changed.Add(new ImportChange(line.RowId, row.Number, StatusHeader, row.Status, status));
                    }

                    if (note is not null)
                    {
                        changed.Add(new ImportChange(line.RowId, row.Number, RectificationColumns.ProgressHeader, row.LatestProgress, note));
                    }

                    if (owners is not null)
                    {
                        changed.Add(new ImportChange(line.RowId, row.Number, OwnersHeader, ownerText, string.Join("、", owners)));
                    }

                    break;
                case RowUpdate.NeedsSignOffRight:
                    refused.Add(new ImportRefusal(line.Number, line.RowId, $"序号 {row.Number}：销号（或撤回销号）须由单位管理员操作，此行未导入"));
                    break;
                case RowUpdate.Invalid invalid:
                    refused.Add(new ImportRefusal(line.Number, line.RowId, $"序号 {row.Number}：{invalid.Reason}"));
                    break;
                default:
                    refused.Add(new ImportRefusal(line.Number, line.RowId, $"序号 {row.Number}：此行正被他人同时修改，未能导入，请稍后重试"));
                    break;
            }
        }

        var touched = changed.Select(c => c.RowId).Distinct(StringComparer.Ordinal).Count();
        var message = $"已导入“{fileName}”：{touched.ToString(CultureInfo.InvariantCulture)} 个问题有更新（共 {changed.Count.ToString(CultureInfo.InvariantCulture)} 处修改）"
            + (refused.Count > 0 ? $"，{refused.Count.ToString(CultureInfo.InvariantCulture)} 处未导入（原因见下）。" : "。");
        return (new ImportReport { UnitId = unitId, Message = message, Changed = changed, Refused = refused }, null);
    }

    /// <summary>One data line of the sheet.</summary>
    private sealed record Line(int Number, string RowId, string? Status, string? Progress, string? Owners);

    /// <summary>The data lines of the 整改清单 sheet, or null when the file is not an exported list.</summary>
    private static List<Line>? Read(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == "整改清单");
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                return null;
            }

            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var lines = part.Worksheet.Descendants<Row>().Select(r => (Number: (int)(r.RowIndex?.Value ?? 0), Cells: Cells(r, strings))).ToList();
            var header = lines.FindIndex(l => l.Cells.ContainsValue(RectificationColumns.RowIdHeader));
            if (header < 0)
            {
                return null;
            }

            var columns = lines[header].Cells.GroupBy(c => c.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
            string? Get(Dictionary<int, string> cells, string name) => columns.TryGetValue(name, out var c) && cells.TryGetValue(c, out var v) ? v.Trim() : null;
            return [.. lines.Skip(header + 1)
                .Where(l => l.Cells.Values.Any(v => v.Trim().Length > 0) && !IsSignatureLine(l.Cells))
                .Select(l => new Line(l.Number, Get(l.Cells, RectificationColumns.RowIdHeader) ?? string.Empty, Get(l.Cells, StatusHeader), Get(l.Cells, RectificationColumns.ProgressHeader), Get(l.Cells, OwnersHeader)))];
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            return null;
        }
    }

    /// <summary>The 填报单位 / 审核人 line under the list is not a row.</summary>
    private static bool IsSignatureLine(Dictionary<int, string> cells) =>
        cells.Count == 1 && cells.Values.First().StartsWith("填报单位", StringComparison.Ordinal);

    /// <summary>The cells of a row by column number (from 1): shared, inline and formula strings, numbers as written.</summary>
    private static Dictionary<int, string> Cells(Row row, List<string> strings)
    {
        var cells = new Dictionary<int, string>();
        var next = 1;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next;
            next = column + 1;
            var text = cell.DataType?.Value == CellValues.SharedString
                ? int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : string.Empty
                : cell.DataType?.Value == CellValues.InlineString
                    ? cell.InlineString?.InnerText ?? string.Empty
                    : cell.CellValue?.Text ?? string.Empty;
            cells[column] = text;
        }

        return cells;
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column;
    }
}
