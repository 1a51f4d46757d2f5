using System.Text;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>
/// Writes the rectification list as CSV (RFC 4180): UTF-8 with a byte-order mark so Excel shows the
/// Chinese text, CRLF line ends, and cells that start like a formula neutralised (CSV injection).
/// </summary>
public sealed class CsvExporter
{
    public byte[] Export(RectificationList list)
    {
        var sb = new StringBuilder();
        var columns = RectificationColumns.For(ColumnUse.Csv);
        WriteRow(sb, [.. columns.Select(c => c.Header)]);
        foreach (var row in list.Rows)
        {
            WriteRow(sb, [.. columns.Select(c => c.Cell(row))]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static void WriteRow(StringBuilder sb, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var cell = cells[i];
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@')
            {
                cell = "'" + cell;
            }

            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(cell);
            }
        }

        sb.Append("\r\n");
    }
}
