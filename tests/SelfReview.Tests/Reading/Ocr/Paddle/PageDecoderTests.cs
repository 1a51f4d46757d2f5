using SelfReview.Pipeline.Reading.Ocr.Paddle;
using SkiaSharp;

namespace SelfReview.Tests.Reading.Ocr.Paddle;

public sealed class PageDecoderTests
{
    /// <summary>A landscape 60 × 40 picture, white with a black 10 × 10 square in its top-left corner.</summary>
    private static byte[] MarkedJpeg()
    {
        using var bitmap = new SKBitmap(60, 40, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var ink = new SKPaint { Color = SKColors.Black };
            canvas.DrawRect(0, 0, 10, 10, ink);
        }

        return RenderedPage.Jpeg(bitmap, 95);
    }

    [Theory]
    [InlineData(1, 60, 40, 2, 2)] // as stored
    [InlineData(6, 40, 60, 37, 2)] // stored turned left: shown turned right, the corner moves to the top right
    [InlineData(3, 60, 40, 57, 37)] // upside down
    [InlineData(8, 40, 60, 2, 57)] // stored turned right: the corner moves to the bottom left
    [InlineData(2, 60, 40, 57, 2)] // mirrored
    public void DecodeImage_TurnsTheImageAsItsExifOrientationSays(ushort orientation, int width, int height, int darkX, int darkY)
    {
        var image = PageDecoder.DecodeImage(RenderedPage.WithExifOrientation(MarkedJpeg(), orientation));

        Assert.NotNull(image);
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.True(image[darkX, darkY] < 60, $"({darkX}, {darkY}) should be in the black corner, is {image[darkX, darkY]}");
        Assert.True(image[width - 1 - darkX, height - 1 - darkY] > 200);
    }

    [Fact]
    public void DecodeTiffFrame_ReadsEachPageOfTheSeedsMultiPageScan()
    {
        var tiff = File.ReadAllBytes(TestFiles.SeedScanTif);

        var third = PageDecoder.DecodeTiffFrame(tiff, 3);

        Assert.NotNull(third);
        Assert.InRange(third.Width, 2000, 3000); // A4 at 300 dpi
        Assert.Null(PageDecoder.DecodeTiffFrame(tiff, 4));
    }

    [Fact]
    public void DecodeImage_ReturnsNull_ForBytesThatAreNoImage() =>
        Assert.Null(PageDecoder.DecodeImage("not an image"u8));
}
