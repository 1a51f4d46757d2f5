using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Rollups;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Commands;

/// <summary>
/// <c>selfreview rollup PARENT --data DIR [--out FILE.xlsx] [--json FILE]</c>: the rollup of every unit below
/// PARENT in a data folder (placed there with <c>process --parent</c> or the API), from the units' summaries;
/// prints a line per unit and the totals, and writes the workbook and the JSON when asked.
/// </summary>
public static class RollupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parent = line.Positional.Count == 1 ? line.Positional[0] : throw new ArgumentException("rollup needs one parent unit id");
        if (StorageLayout.UnitIdError(parent) is { } error)
        {
            throw new ArgumentException("rollup: " + error);
        }

        var data = line["--data"] ?? throw new ArgumentException("rollup needs --data DIR");
        if (!Directory.Exists(data))
        {
            throw new ArgumentException($"no data folder at {data}");
        }

        var store = new FolderStatementStore(data);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rollup = await new UnitRollupAggregator(store, services.GetRequiredService<UnitRollupBuilder>())
            .AggregateAsync(parent, DateOnly.FromDateTime(DateTime.Now), cancellationToken);
        var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await WriteAsync(stdout, rollup);
        if (line["--out"] is { } xlsx)
        {
            await File.WriteAllBytesAsync(xlsx, services.GetRequiredService<RollupXlsxExporter>().Export(rollup), cancellationToken);
            await stdout.WriteLineAsync("Workbook: " + Path.GetFullPath(xlsx));
        }

        if (line["--json"] is { } json)
        {
            await File.WriteAllBytesAsync(json, SelfReviewJson.Serialize(rollup, SelfReviewJson.UnitRollup), cancellationToken);
            await stdout.WriteLineAsync("JSON: " + Path.GetFullPath(json));
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rollup.Units.Count} unit(s) below {parent}, rolled up in {ms:F0} ms."));
        return CliApp.Ok;
    }

    private static async Task WriteAsync(TextWriter stdout, UnitRollup rollup)
    {
        await stdout.WriteLineAsync("| unit | parent | statements | problems | common | rows | completed | overdue | rate |");
        await stdout.WriteLineAsync("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var unit in rollup.Units)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {new string(' ', (unit.Depth - 1) * 2)}{unit.UnitId}{(unit.HasSummary ? "" : " (no summary)")} | {unit.Parent} | {unit.Statements} | {unit.Problems} | {unit.CommonProblems} | {unit.Tracking.Rows} | {unit.Tracking.Completed} | {unit.Tracking.Overdue} | {unit.Tracking.Percent:0.0}% |"));
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| total ({rollup.Units.Count} units) | | {rollup.Statements} | {rollup.Problems} | {rollup.CommonProblems} | {rollup.Tracking.Rows} | {rollup.Tracking.Completed} | {rollup.Tracking.Overdue} | {rollup.Tracking.Percent:0.0}% |"));
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Problems shared across units: {rollup.CrossUnitProblems.Count}; the most widely shared in {(rollup.CrossUnitProblems.Count > 0 ? rollup.CrossUnitProblems[0].Units.Count : 0)} units."));
        foreach (var cycle in rollup.Cycles)
        {
            await stdout.WriteLineAsync("Loop of parent links ignored: " + cycle);
        }
    }
}
