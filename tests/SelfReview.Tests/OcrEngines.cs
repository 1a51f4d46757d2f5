using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Pipeline.Reading.Ocr;
using SelfReview.Tests.Reading.Ocr;

namespace SelfReview.Tests;

/// <summary>Engines composed with OCR settings, as a host would configure them.</summary>
public static class OcrEngines
{
    /// <summary>
    /// The engine with <paramref name="settings"/> as its configuration (keys like "Ocr:MaxPages"); the OCR
    /// engine is Tesseract unless the settings name another (these are Tesseract's and the readers' tests;
    /// PP-OCR has its own in Reading/Ocr/PaddleOcrEngineTests).
    /// </summary>
    public static ServiceProvider Configured(IDictionary<string, string?> settings, bool record = false) =>
        Engine.Build(services =>
        {
            var configured = new Dictionary<string, string?>(settings);
            configured.TryAdd("Ocr:Engine", "Tesseract");
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configured).Build());
            if (record)
            {
                services.AddSingleton<RecordingOcrEngine>(provider => new RecordingOcrEngine(provider.GetRequiredService<TesseractOcrEngine>()));
                services.AddSingleton<IOcrEngine>(provider => provider.GetRequiredService<RecordingOcrEngine>());
            }
        });
}
