using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>What happens when Tesseract cannot do its work: the file is rejected with a reason, the batch goes on.</summary>
public sealed class TesseractAvailabilityTests
{
    [Fact]
    public async Task Process_RejectsScansWithInstallAdvice_WhenTesseractIsMissing_AndReadsTheNextFile()
    {
        using var services = OcrEngines.Configured(new Dictionary<string, string?> { ["Ocr:TesseractPath"] = "/nonexistent/tesseract" });
        var processor = services.GetRequiredService<StatementProcessor>();

        var scan = await processor.ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedScanPdf), "扫描件.pdf", "test");
        var docx = await processor.ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedDocx), "seed.docx", "test");

        Assert.Equal(RecordStatus.Rejected, scan.Status);
        Assert.Equal("ocr_unavailable", scan.Rejection!.Code);
        Assert.Contains("扫描件.pdf", scan.Rejection.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils", scan.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal(RecordStatus.Accepted, docx.Status);
    }

    [Fact]
    public async Task Process_RejectsScans_WhenTheLanguageDataIsMissing()
    {
        using var services = OcrEngines.Configured(new Dictionary<string, string?> { ["Ocr:Language"] = "chi_sim+xyz_missing" });

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedPage1Png), "照片.png", "test");

        Assert.Equal("ocr_unavailable", record.Rejection!.Code);
        Assert.Contains("xyz_missing", record.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_StopsAPageThatOverrunsItsTime_AndRejectsTheFile()
    {
        // The phone capture takes Tesseract several seconds; one second is not enough.
        using var services = OcrEngines.Configured(new Dictionary<string, string?> { ["Ocr:PageTimeoutSeconds"] = "1" });

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedPhoneJpg), "慢.jpg", "test");

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal("ocr_timeout", record.Rejection!.Code);
        Assert.Contains("超过 1 秒", record.Rejection.Message, StringComparison.Ordinal);
    }
}
