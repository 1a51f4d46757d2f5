using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Reading;
using UglyToad.PdfPig.Writer;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>
/// Runs every scan of the seed through the pipeline with real Tesseract once (OCR takes seconds a
/// page), keeping each record and what the OCR engine returned, for the tests of the class to share.
/// </summary>
public sealed class ScannedSeed : IAsyncLifetime
{
    public const string Scan = "scan.pdf";
    public const string Tiff = "scan.tif";
    public const string Phone = "phone.jpg";
    public const string Page1 = "page1.png";
    public const string Mixed = "mixed.pdf";

    private readonly ServiceProvider _services = OcrEngines.Configured(new Dictionary<string, string?>(), record: true);

    public ConcurrentDictionary<string, StatementRecord> Records { get; } = new();

    public ConcurrentDictionary<string, (IReadOnlyList<int> Pages, ReadOutcome Outcome)> Ocr { get; } = new();

    /// <summary>The text PDF's first page followed by the scan's last: one page with a text layer, one without.</summary>
    public static byte[] MixedPdf() => PdfMerger.Merge(
        [File.ReadAllBytes(TestFiles.SeedTextPdf), File.ReadAllBytes(TestFiles.SeedScanPdf)],
        [[1], [3]]);

    public async Task InitializeAsync()
    {
        var processor = _services.GetRequiredService<StatementProcessor>();
        var recorder = _services.GetRequiredService<RecordingOcrEngine>();
        var inputs = new Dictionary<string, byte[]>
        {
            [Scan] = await File.ReadAllBytesAsync(TestFiles.SeedScanPdf),
            [Tiff] = await File.ReadAllBytesAsync(TestFiles.SeedScanTif),
            [Phone] = await File.ReadAllBytesAsync(TestFiles.SeedPhoneJpg),
            [Page1] = await File.ReadAllBytesAsync(TestFiles.SeedPage1Png),
            [Mixed] = MixedPdf(),
        };
        // All at once: the engine itself keeps to one tesseract process per processor.
        await Task.WhenAll(inputs.Select(async input => Records[input.Key] = await processor.ProcessAsync(input.Value, "000." + input.Key, "test")));
        foreach (var (request, outcome) in recorder.Calls)
        {
            var name = inputs.Single(i => i.Value.Length == request.Content.Length).Key;
            Ocr[name] = (request.Pages, outcome);
        }
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();
}
