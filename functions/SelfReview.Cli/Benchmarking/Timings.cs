using System.Diagnostics;

namespace SelfReview.Cli.Benchmarking;

/// <summary>A Stopwatch harness: warm-up runs, then timed runs, in milliseconds.</summary>
internal static class Timings
{
    public static async Task<List<double>> MeasureAsync(Func<Task> action, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action();
        }

        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    public static List<double> Measure(Action action, int warmup, int iterations) =>
        MeasureAsync(() => { action(); return Task.CompletedTask; }, warmup, iterations).GetAwaiter().GetResult();

    /// <summary>Times one call per item (each item once), after warming up on the first few.</summary>
    public static async Task<List<double>> EachAsync<T>(IReadOnlyList<T> items, Func<T, Task> action, int warmup)
    {
        foreach (var item in items.Take(warmup))
        {
            await action(item);
        }

        var times = new List<double>(items.Count);
        foreach (var item in items)
        {
            var start = Stopwatch.GetTimestamp();
            await action(item);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
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
