using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SelfReview.Pipeline.Reading.Text;

namespace SelfReview.Pipeline.Roster;

/// <summary>
/// The cells of an office's sheet (a roster, last year's list) as rows of strings: the first worksheet of
/// an XLSX, or a CSV in UTF-8 (with or without BOM) or GBK/GB18030, comma- or tab-separated, quoted as
/// RFC 4180 says. Bounded: at most <see cref="MaxRows"/> rows and <see cref="MaxInflatedBytes"/> of
/// uncompressed XML, so no file can starve the process. Unreadable files are a reason, never an exception.
/// </summary>
public static class TableFile
{
    public const int MaxRows = 5000;
    public const int MaxColumns = 64;
    public const long MaxInflatedBytes = 64L * 1024 * 1024;

    /// <summary>The rows, or the reason (Chinese, naming the file) why the file is not a readable sheet.</summary>
    public static (IReadOnlyList<string[]>? Rows, string? Error) Read(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return (null, $"“{fileName}”是空文件");
        }

        if (content.StartsWith("PK\x03\x04"u8))
        {
            return ReadXlsx(fileName, content.ToArray());
        }

        if (!TextDecoder.TryDecode(content, out var text, out _))
        {
            return (null, $"“{fileName}”既不是 Excel 表格（.xlsx），也不是 UTF-8 或 GBK 编码的 CSV 文本，无法读取");
        }

        return ReadCsv(fileName, text);
    }

    private static (IReadOnlyList<string[]>? Rows, string? Error) ReadXlsx(string fileName, byte[] content)
    {
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
            {
                if (zip.Entries.Sum(e => e.Length) > MaxInflatedBytes)
                {
                    return (null, $"“{fileName}”解压后过大，不像是名册或清单表格");
                }
            }

            using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
            {
                return (null, $"“{fileName}”中没有工作表");
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var rows = new List<string[]>();
            using var reader = OpenXmlReader.Create(sheet);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var index = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                if (index > MaxRows)
                {
                    return (null, $"“{fileName}”超过 {MaxRows} 行，不像是名册或清单表格");
                }

                while (rows.Count < index - 1)
                {
                    rows.Add([]);
                }

                var cells = new string[MaxColumns];
                var width = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnOf(cell.CellReference?.Value) ?? width;
                    if (column >= MaxColumns)
                    {
                        continue; // extra columns far to the right are not part of the sheet we read
                    }

                    cells[column] = ValueOf(cell, shared);
                    width = Math.Max(width, column + 1);
                }

                rows.Add([.. cells.Take(width).Select(c => c ?? string.Empty)]);
            }

            return (rows, null);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or FileFormatException or InvalidOperationException)
        {
            return (null, $"“{fileName}”不是有效的 Excel 表格（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后重新上传");
        }
    }

    private static string ValueOf(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i].Trim() : string.Empty;
        }

        return raw.Trim();
    }

    /// <summary>The zero-based column of an A1 reference (B7 → 1), or null.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = column * 26 + (c - 'A' + 1);
                if (++letters > 3)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : column - 1;
    }

    private static (IReadOnlyList<string[]>? Rows, string? Error) ReadCsv(string fileName, string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n', StringComparison.Ordinal) is var n and >= 0 ? n : text.Length));
        var separator = firstLine.Count('\t') > firstLine.Count(',') ? '\t' : ',';
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString().Trim());
                cell.Clear();
                rows.Add([.. row.Take(MaxColumns)]);
                row.Clear();
                if (rows.Count > MaxRows)
                {
                    return (null, $"“{fileName}”超过 {MaxRows} 行，不像是名册或清单表格");
                }
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString().Trim());
            rows.Add([.. row.Take(MaxColumns)]);
        }

        return (rows, null);
    }
}
