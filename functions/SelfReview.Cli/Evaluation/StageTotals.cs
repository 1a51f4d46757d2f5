using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SelfReview.Pipeline.Reading.Ocr.Paddle;

namespace SelfReview.Cli.Evaluation;

/// <summary>
/// Adds up the PP-OCR stage durations (<see cref="PaddleStages"/>) recorded while it listens, per stage:
/// <c>ocr-bench --stages</c> takes a <see cref="Snapshot"/> around each read. The sums are wall seconds
/// of stage work; with two pages in flight they add up to about twice the file's wall time.
/// </summary>
public sealed class StageTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _seconds = new(StringComparer.Ordinal);

    public StageTotals()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PaddleStages.MeterName && instrument.Name == PaddleStages.InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Seconds per stage recorded so far.</summary>
    public IReadOnlyDictionary<string, double> Snapshot() => new Dictionary<string, double>(_seconds, StringComparer.Ordinal);

    /// <summary>Seconds per stage recorded between two snapshots.</summary>
    public static IReadOnlyDictionary<string, double> Between(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "stage" && tag.Value is string stage)
            {
                _seconds.AddOrUpdate(stage, value, (_, sum) => sum + value);
            }
        }
    }
}
