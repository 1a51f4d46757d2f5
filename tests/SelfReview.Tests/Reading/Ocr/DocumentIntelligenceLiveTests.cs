using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>
/// The real Azure AI Document Intelligence, when a resource is given through SELFREVIEW_DI_ENDPOINT and
/// SELFREVIEW_DI_KEY; skipped, saying why, otherwise (no network reaches Azure from CI).
/// </summary>
public sealed class DocumentIntelligenceLiveTests
{
    [SkippableFact]
    public async Task Process_ReadsTheSeedsScan_WithTheLiveService()
    {
        var endpoint = Environment.GetEnvironmentVariable("SELFREVIEW_DI_ENDPOINT");
        var key = Environment.GetEnvironmentVariable("SELFREVIEW_DI_KEY");
        Skip.If(
            string.IsNullOrWhiteSpace(endpoint) || string.IsNullOrWhiteSpace(key),
            "Live Document Intelligence test skipped: set SELFREVIEW_DI_ENDPOINT and SELFREVIEW_DI_KEY to run it against a real resource.");
        using var services = OcrEngines.Configured(new Dictionary<string, string?>
        {
            ["Ocr:Engine"] = "DocumentIntelligence",
            ["DocumentIntelligence:Endpoint"] = endpoint,
            ["DocumentIntelligence:Key"] = key,
        });

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedScanPdf), "seed.scan.pdf", "live");

        Assert.Equal(TextOrigin.OcrDocumentIntelligence, record.Source.TextOrigin);
        SeedStructure.AssertMatches(record);
    }
}
