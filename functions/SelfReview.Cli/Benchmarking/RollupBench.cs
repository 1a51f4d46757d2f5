using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Rollups;
using SelfReview.Pipeline.Storage;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Cli.Benchmarking;

/// <summary>
/// <c>selfreview bench DIR --rollup</c>: a county of <c>--units</c> units of <c>--members</c> statements each
/// (ten townships between the county and the units), made from the folder's .docx: each file processed once,
/// each unit consolidated in this process from a window of the records, its summary, list, tracking summary
/// (every third row 已完成, every seventh 已销号) and profile written to a folder store. Then the rollup of the
/// county from that store against the floor of reading and deserialising the units' summaries alone, in the
/// same run, with the managed heap's peak.
/// </summary>
internal static class RollupBench
{
    public const string County = "county";

    private const int Townships = 10;
    private const int Runs = 5;

    public static async Task WriteAsync(IServiceProvider services, string folder, int units, int members, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder, "*.docx").Order(StringComparer.Ordinal).Take(Math.Max(members, 1000)).ToList();
        if (files.Count < members)
        {
            throw new ArgumentException($"bench --rollup needs at least {members} .docx in {folder}");
        }

        var processor = services.GetRequiredService<StatementProcessor>();
        var consolidator = services.GetRequiredService<UnitConsolidator>();
        await stderr.WriteLineAsync($"bench: rollup — {files.Count} files processed once …");
        var pool = new StatementRecord[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), cancellationToken, async (i, ct) =>
            pool[i] = await processor.ProcessAsync(await File.ReadAllBytesAsync(files[i], ct), Path.GetFileName(files[i]), "bench", ct));

        var scratch = Directory.CreateTempSubdirectory("selfreview-rollup-").FullName;
        try
        {
            var store = new FolderStatementStore(scratch);
            var profiles = new UnitProfileStore(store);
            await stderr.WriteLineAsync($"bench: rollup — {units} units × {members} statements consolidated …");
            var problems = 0;
            var titles = 0;
            var started = Stopwatch.GetTimestamp();
            for (var t = 0; t < Townships; t++)
            {
                await profiles.SetParentAsync(Township(t), County, cancellationToken);
            }

            for (var u = 0; u < units; u++)
            {
                var unitId = "unit-" + (u + 1).ToString("000", CultureInfo.InvariantCulture);
                var records = Enumerable.Range(0, members).Select(k => pool[((u * members) + k) % pool.Length] with { UnitId = unitId }).ToList();
                var report = consolidator.Consolidate(unitId, records);
                problems += report.Summary.Problems;
                titles += report.Summary.ProblemTitles.Count;
                await store.PutReportAsync(unitId, ReportFormats.SummaryJson.Name, ReportFormats.JsonType, SelfReviewJson.Serialize(report.Summary, SelfReviewJson.UnitSummary), WriteCondition.Always, cancellationToken);
                await store.PutReportAsync(unitId, ReportFormats.ListJson.Name, ReportFormats.JsonType, SelfReviewJson.Serialize(report.Rectifications, SelfReviewJson.RectificationList), WriteCondition.Always, cancellationToken);
                var tracked = report.Rectifications with
                {
                    Rows = [.. report.Rectifications.Rows.Select((r, i) => r with { Status = i % 7 == 0 ? TrackingStatuses.SignedOff : i % 3 == 0 ? TrackingStatuses.Done : r.Status })],
                };
                await store.PutTrackingAsync(unitId, TrackingSummaryWriter.Name, ReportFormats.JsonType, SelfReviewJson.Serialize(TrackingSummaryWriter.Of(tracked), SelfReviewJson.TrackingSummary), WriteCondition.Always, cancellationToken);
                // Uploads make the unit one of the store's units, as process and serve leave it.
                await store.PutUploadAsync(unitId, "placeholder.txt", "x"u8.ToArray(), cancellationToken);
                await profiles.SetParentAsync(unitId, Township(u % Townships), cancellationToken);
            }

            var prepared = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var aggregator = new UnitRollupAggregator(store, services.GetRequiredService<UnitRollupBuilder>());
            var today = new DateOnly(2026, 6, 30);
            var unitIds = (await store.ListUnitsAsync(cancellationToken)).ToList();

            // Warm-up of both, then alternating timed runs so load changes hit both alike.
            var rollup = await aggregator.AggregateAsync(County, today, cancellationToken);
            await FloorAsync(store, unitIds, cancellationToken);
            var times = new List<double>();
            var floors = new List<double>();
            var bytesOnly = new List<double>();
            long peak;
            long allocated;
            using (var sampler = new MemorySampler())
            {
                for (var run = 0; run < Runs; run++)
                {
                    var start = Stopwatch.GetTimestamp();
                    rollup = await aggregator.AggregateAsync(County, today, cancellationToken);
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                (peak, allocated) = sampler.Stop();
            }

            for (var run = 0; run < Runs; run++)
            {
                var start = Stopwatch.GetTimestamp();
                await FloorAsync(store, unitIds, cancellationToken);
                floors.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                await BytesAsync(store, unitIds, cancellationToken);
                bytesOnly.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var table = new BenchTable();
            table.Add(
                $"floor: read + deserialise the {unitIds.Count} unit summaries (folder store)",
                $"{Runs} runs",
                floors);
            table.Add(
                $"floor: the bytes of the {unitIds.Count} summaries, tracking summaries and profiles, not deserialised",
                $"{Runs} runs",
                bytesOnly);
            table.Add(
                $"rollup of {units} units × {members} statements below {Townships} townships ({rollup.Statements:N0} statements, {problems:N0} problems, {titles:N0} row titles, {rollup.CrossUnitProblems.Count:N0} shared across units, {rollup.Tracking.Rows:N0} rows)",
                $"{Runs} runs",
                times,
                string.Create(CultureInfo.InvariantCulture, $"{Timings.Median(times) / Timings.Median(floors):0.00}× the deserialising floor, {Timings.Median(times) / Timings.Median(bytesOnly):0.0}× the bytes; heap peak +{peak / 1048576.0:N0} MB, allocated {allocated / Runs / 1048576.0:N0} MB per run; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB; units made in {prepared / 1000:0.0} s"));
            await stdout.WriteAsync(table.Render());
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Township(int t) => "town-" + (t + 1).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Reads the three documents of each unit a rollup reads, without parsing them.</summary>
    private static async Task<long> BytesAsync(FolderStatementStore store, IReadOnlyList<string> units, CancellationToken cancellationToken)
    {
        long total = 0;
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (unit, ct) =>
        {
            var summary = await store.GetReportAsync(unit, ReportFormats.SummaryJson.Name, ct);
            var tracking = await store.GetTrackingAsync(unit, TrackingSummaryWriter.Name, ct);
            var profile = await store.GetTrackingAsync(unit, UnitProfileStore.Name, ct);
            Interlocked.Add(ref total, (summary?.Content.Length ?? 0) + (tracking?.Content.Length ?? 0) + (profile?.Content.Length ?? 0));
        });
        return total;
    }

    /// <summary>What any rollup of the summaries must do at least: read every unit's summary and deserialise it.</summary>
    private static async Task<int> FloorAsync(FolderStatementStore store, IReadOnlyList<string> units, CancellationToken cancellationToken)
    {
        var statements = 0;
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (unit, ct) =>
        {
            if (await store.GetReportAsync(unit, ReportFormats.SummaryJson.Name, ct) is { } file)
            {
                Interlocked.Add(ref statements, SelfReviewJson.Deserialize(file.Content, SelfReviewJson.UnitSummary).Statements);
            }
        });
        return statements;
    }
}
