using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;

namespace SelfReview.Tests.Reading.Image;

/// <summary>Limits and damage are caught from the header, before any OCR engine runs.</summary>
public sealed class ImageReaderTests
{
    [Fact]
    public async Task Process_RejectsAnImageAboveThePixelLimit_NamingTheLimit()
    {
        using var services = OcrEngines.Configured(new Dictionary<string, string?> { ["Limits:MaxPixelsPerPage"] = "3000000" });

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedPhoneJpg), "长图.jpg", "test");

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal("image_too_large", record.Rejection!.Code);
        Assert.Contains("1288×4942", record.Rejection.Message, StringComparison.Ordinal);
        Assert.Contains("超过上限 300 万像素", record.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_RejectsATiffWithMoreFramesThanThePageLimit()
    {
        using var services = OcrEngines.Configured(new Dictionary<string, string?> { ["Limits:MaxPages"] = "2" });
        var tiff = ImageHeaderTests.Tiff(true, (2480, 3508), (2480, 3508), (2480, 3508));

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(tiff, "扫描.tif", "test");

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal("too_many_pages", record.Rejection!.Code);
        Assert.Contains("共 3 页", record.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal("image/tiff", record.Source.MediaType);
    }

    [Fact]
    public async Task Process_RejectsAPngWithADamagedHeader_AsUnreadable()
    {
        var bytes = (await File.ReadAllBytesAsync(TestFiles.SeedPage1Png))[..16];

        var record = await Engine.ProcessAsync(bytes, "坏图.png");

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal("unreadable", record.Rejection!.Code);
        Assert.Contains("PNG 图片已损坏", record.Rejection.Message, StringComparison.Ordinal);
    }
}
