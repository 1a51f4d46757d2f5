using System.Diagnostics;

namespace SelfReview.Cli.Benchmarking;

/// <summary>
/// A Stopwatch harness: a warm-up, then timed runs, in milliseconds. The warm-up is timed, not counted:
/// .NET first runs methods unoptimised and recompiles the hot ones in the background (tiered
/// compilation, dynamic PGO), so a few seconds of work come before what is measured, as they do in
/// any batch of more than a few files.
/// </summary>
internal static class Timings
{
    public static async Task<List<double>> MeasureAsync(Func<Task> action, TimeSpan warmup, int iterations)
    {
        await WarmUpAsync(_ => action(), 5, warmup);
        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    public static List<double> Measure(Action action, TimeSpan warmup, int iterations) =>
        MeasureAsync(() => { action(); return Task.CompletedTask; }, warmup, iterations).GetAwaiter().GetResult();

    /// <summary>Times one call per item (each item once), after warming up on the items in turn.</summary>
    public static async Task<List<double>> EachAsync<T>(IReadOnlyList<T> items, Func<T, Task> action, TimeSpan warmup)
    {
        await WarmUpAsync(i => action(items[i % items.Count]), Math.Min(10, items.Count), warmup);
        var times = new List<double>(items.Count);
        foreach (var item in items)
        {
            var start = Stopwatch.GetTimestamp();
            await action(item);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    /// <summary>Runs at least <paramref name="runs"/> times and for at least <paramref name="duration"/>, then lets the background compiler finish.</summary>
    private static async Task WarmUpAsync(Func<int, Task> action, int runs, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < runs || Stopwatch.GetElapsedTime(start) < duration; i++)
        {
            await action(i);
        }

        if (duration > TimeSpan.Zero)
        {
            await Task.Delay(200);
        }
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
