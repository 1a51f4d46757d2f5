using System.Collections.Concurrent;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Ocr;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>The real engine, with every request and outcome kept for the test to inspect.</summary>
public sealed class RecordingOcrEngine(IOcrEngine inner) : IOcrEngine
{
    public ConcurrentQueue<(OcrRequest Request, ReadOutcome Outcome)> Calls { get; } = new();

    public TextOrigin Origin => inner.Origin;

    public async Task<ReadOutcome> RecognizeAsync(OcrRequest request, CancellationToken cancellationToken = default)
    {
        var outcome = await inner.RecognizeAsync(request, cancellationToken);
        Calls.Enqueue((request, outcome));
        return outcome;
    }
}
