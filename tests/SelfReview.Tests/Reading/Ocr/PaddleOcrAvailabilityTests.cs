using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Ocr;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>Which engine reads scans, and what happens without the PP-OCR models.</summary>
public sealed class PaddleOcrAvailabilityTests
{
    [Fact]
    public void Engine_IsPaddleOcrByDefault_WhenTheModelsAreBesideTheApp()
    {
        using var services = Engine.Build();

        Assert.IsType<PaddleOcrEngine>(services.GetRequiredService<IOcrEngine>());
        Assert.Null(PaddleOcrEngine.MissingModel(new OcrOptions()));
    }

    [Fact]
    public void Engine_FallsBackToTesseract_WhenTheModelsAreAbsent()
    {
        using var services = OcrEngines.Configured(new Dictionary<string, string?> { ["Ocr:Engine"] = "PaddleOcr", ["Ocr:ModelsDirectory"] = "/nonexistent/ocr-models" });

        Assert.IsType<TesseractOcrEngine>(services.GetRequiredService<IOcrEngine>());
    }

    [Fact]
    public void Engine_IsTesseract_WhenConfigured_EvenWithTheModelsThere()
    {
        using var services = OcrEngines.Configured(new Dictionary<string, string?> { ["Ocr:Engine"] = "Tesseract" });

        Assert.IsType<TesseractOcrEngine>(services.GetRequiredService<IOcrEngine>());
    }

    [Fact]
    public async Task Recognize_RejectsWithTheMissingFileAndHowToInstall_WhenAModelIsAbsent()
    {
        var folder = Directory.CreateTempSubdirectory("selfreview-models-");
        try
        {
            // Detection model present, recognition model missing.
            File.Copy(Path.Combine(AppContext.BaseDirectory, "ocr-models", "ch_PP-OCRv4_det_infer.onnx"), Path.Combine(folder.FullName, "ch_PP-OCRv4_det_infer.onnx"));
            using var engine = new PaddleOcrEngine(Options.Create(new OcrOptions { ModelsDirectory = folder.FullName }), NullLogger<PaddleOcrEngine>.Instance);
            var png = await File.ReadAllBytesAsync(TestFiles.SeedPage1Png);

            var outcome = await engine.RecognizeAsync(new OcrRequest(png, FormatSniffer.Detect(png), [1]));

            Assert.Equal("ocr_unavailable", outcome.RejectionCode);
            Assert.Contains("ch_PP-OCRv4_rec_infer.onnx", outcome.RejectionReason, StringComparison.Ordinal);
            Assert.Contains("bash scripts/setup.sh", outcome.RejectionReason, StringComparison.Ordinal);
            Assert.Contains("Ocr__Engine=Tesseract", outcome.RejectionReason, StringComparison.Ordinal);
            Assert.Equal(TextOrigin.OcrPaddle, engine.Origin);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Options_AreInvalid_ForADetectionSideOutOfRange()
    {
        Assert.Contains("Ocr:DetectionMaxSide must be between 320 and 8192.", OcrOptions.Validate(new OcrOptions { DetectionMaxSide = 100 }));
        Assert.Contains("Ocr:IntraOpThreads must be 0 (automatic) or more.", OcrOptions.Validate(new OcrOptions { IntraOpThreads = -1 }));
    }
}
