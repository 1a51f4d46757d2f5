using System.Globalization;
using System.Text;

namespace SelfReview.Cli.Benchmarking;

/// <summary>The bench command's result: a Markdown table of medians (pasteable into the README).</summary>
internal sealed class BenchTable
{
    private readonly List<string[]> _rows = [];

    public void Add(string stage, string runs, IReadOnlyList<double> times, string note = "") =>
        _rows.Add([stage, runs, Format(Timings.Median(times)), Format(Timings.Percentile(times, 0.9)), note]);

    public void Skip(string stage, string reason) => _rows.Add([stage, "-", "-", "-", reason]);

    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("| stage | n | median | p90 | note |\n");
        sb.Append("| --- | --- | ---: | ---: | --- |\n");
        foreach (var row in _rows)
        {
            sb.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return sb.ToString();
    }

    public static string Format(double ms) => ms switch
    {
        double.NaN => "-",
        < 1 => ms.ToString("0.000", CultureInfo.InvariantCulture) + " ms",
        < 100 => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 10_000 => ms.ToString("0", CultureInfo.InvariantCulture) + " ms",
        _ => (ms / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s",
    };
}
