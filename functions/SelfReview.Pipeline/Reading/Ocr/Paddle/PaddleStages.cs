using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// Where PP-OCR's time goes: each stage of a page records its wall seconds on the histogram
/// <see cref="InstrumentName"/> of the meter <see cref="MeterName"/>, tagged <c>stage</c>, so an
/// OpenTelemetry exporter or <c>selfreview ocr-bench --stages</c> (a <see cref="MeterListener"/>) can
/// add them up. Nothing is recorded, and nothing costs more than a timestamp, while nobody listens.
/// </summary>
public static class PaddleStages
{
    public const string MeterName = "SelfReview.Ocr.Paddle";
    public const string InstrumentName = "selfreview.ocr.paddle.stage.duration";

    public const string Decode = "decode";
    public const string DetectionInput = "det-preprocess";
    public const string DetectionRun = "det-inference";
    public const string DetectionBoxes = "det-postprocess";
    public const string Orientation = "orientation";
    public const string RecognitionInput = "rec-crops";
    public const string RecognitionRun = "rec-inference";
    public const string CtcDecoding = "ctc";
    public const string Layout = "layout";

    /// <summary>The stages in the order a page goes through them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Decode, DetectionInput, DetectionRun, DetectionBoxes, Orientation, RecognitionInput, RecognitionRun, CtcDecoding, Layout];

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(InstrumentName, "s", "Wall time of one PP-OCR stage of one page");

    /// <summary>Records the seconds since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>) against <paramref name="stage"/>.</summary>
    internal static void Record(string stage, long started)
    {
        if (Duration.Enabled)
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("stage", stage));
        }
    }
}
