using System.Globalization;
using System.Text;
using SelfReview.Contracts;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Commands;

/// <summary>The closing table of a batch: file, status, problems, causes, measures, reason.</summary>
public static class ResultTable
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<(string File, StatementRecord Record)> rows)
    {
        string[] headers = ["file", "status", "problems", "causes", "measures", "reason"];
        var cells = rows.Select(r => new[]
        {
            r.File,
            r.Record.Status.ToString().ToLowerInvariant(),
            Count(r.Record.Summary?.Problems),
            Count(r.Record.Summary?.Causes),
            Count(r.Record.Summary?.Measures),
            r.Record.Rejection?.Message ?? string.Empty,
        }.Select(FileNames.Printable).ToArray()).ToList(); // a newline in a name (and so in its reason) must not forge a row
        var widths = headers.Select((h, i) => Math.Max(Width(h), cells.Count == 0 ? 0 : cells.Max(c => Width(c[i])))).ToArray();
        widths[^1] = Math.Min(widths[^1], 80);
        var sb = new StringBuilder();
        Append(sb, headers, widths);
        sb.AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in cells)
        {
            Append(sb, row, widths);
        }

        await output.WriteAsync(sb.ToString());
    }

    private static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static void Append(StringBuilder sb, string[] row, int[] widths)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var cell = row[i];
            sb.Append(cell).Append(' ', Math.Max(0, widths[i] - Width(cell)));
            if (i < row.Length - 1)
            {
                sb.Append("  ");
            }
        }

        sb.Append('\n');
    }

    /// <summary>Display width: CJK characters take two columns in a terminal.</summary>
    private static int Width(string text) => text.Sum(c => c >= '\u1100' && (c <= '\u115f' || c >= '\u2e80') ? 2 : 1);
}
