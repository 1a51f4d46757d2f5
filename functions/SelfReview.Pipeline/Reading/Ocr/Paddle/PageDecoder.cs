using System.Globalization;
using BitMiracle.LibTiff.Classic;
using SkiaSharp;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// Turns one page of an upload into a <see cref="GrayImage"/> the right way up as far as the file says:
/// PNG and JPEG through SkiaSharp with the EXIF orientation applied (a phone stores its photos sideways
/// and says so in the tag), TIFF frames through LibTiff.NET (Skia has no TIFF codec; it reads the
/// orientation tag itself), scanned PDF pages rendered by pdftoppm. Decoding happens per page inside the
/// page's slot, so no more pages are in memory than are being recognised.
/// </summary>
internal static class PageDecoder
{
    static PageDecoder() => Tiff.SetErrorHandler(new QuietTiffErrors());

    /// <summary>A PNG or JPEG, EXIF orientation applied; null when it cannot be decoded.</summary>
    public static GrayImage? DecodeImage(ReadOnlySpan<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Bgra8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        var gray = FromBgra(bitmap.GetPixelSpan(), info.Width, info.Height, bitmap.RowBytes);
        return Orient(gray, codec.EncodedOrigin);
    }

    /// <summary>Frame <paramref name="page"/> (1-based) of a TIFF; null when it cannot be decoded.</summary>
    public static GrayImage? DecodeTiffFrame(byte[] bytes, int page)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var tiff = Tiff.ClientOpen("upload", "r", stream, new TiffStream());
        if (tiff is null || !tiff.SetDirectory((short)(page - 1)))
        {
            return null;
        }

        var width = tiff.GetField(TiffTag.IMAGEWIDTH)?[0].ToInt() ?? 0;
        var height = tiff.GetField(TiffTag.IMAGELENGTH)?[0].ToInt() ?? 0;
        if (width <= 0 || height <= 0)
        {
            return null;
        }

        var raster = new int[width * height];
        if (!tiff.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT))
        {
            return null;
        }

        var pixels = new byte[raster.Length];
        for (var i = 0; i < raster.Length; i++)
        {
            // LibTiff packs ABGR: red in the low byte.
            var v = raster[i];
            pixels[i] = Luma(v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF);
        }

        return new GrayImage(width, height, pixels);
    }

    /// <summary>
    /// Page <paramref name="page"/> of a PDF rendered grey at <paramref name="dpi"/> into <paramref name="work"/>
    /// by pdftoppm; a rejection when the tool fails or overruns.
    /// </summary>
    public static async Task<(GrayImage? Image, ProcessResult Run)> RenderPdfPageAsync(
        string pdftoppm, string pdf, int page, int dpi, string work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var prefix = Path.Combine(work, "page" + page.ToString(CultureInfo.InvariantCulture));
        var number = page.ToString(CultureInfo.InvariantCulture);
        var run = await ExternalProcess.RunAsync(
            pdftoppm,
            ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-f", number, "-l", number, "-singlefile", pdf, prefix],
            timeout,
            cancellationToken: cancellationToken);
        if (run.TimedOut || run.ExitCode != 0 || !File.Exists(prefix + ".png"))
        {
            return (null, run);
        }

        var bytes = await File.ReadAllBytesAsync(prefix + ".png", cancellationToken);
        File.Delete(prefix + ".png");
        return (DecodeImage(bytes), run);
    }

    /// <summary>The image as it should be displayed, per the EXIF orientation tag (values 1–8, TIFF 6.0 tag 274).</summary>
    public static GrayImage Orient(GrayImage image, SKEncodedOrigin origin) => origin switch
    {
        SKEncodedOrigin.TopRight => image.MirrorHorizontally(),
        SKEncodedOrigin.BottomRight => image.Rotate(2),
        SKEncodedOrigin.BottomLeft => image.Rotate(2).MirrorHorizontally(),
        SKEncodedOrigin.LeftTop => image.Rotate(1).MirrorHorizontally(),
        SKEncodedOrigin.RightTop => image.Rotate(1),
        SKEncodedOrigin.RightBottom => image.Rotate(3).MirrorHorizontally(),
        SKEncodedOrigin.LeftBottom => image.Rotate(3),
        _ => image,
    };

    private static GrayImage FromBgra(ReadOnlySpan<byte> bgra, int width, int height, int rowBytes)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = bgra.Slice(y * rowBytes, width * 4);
            for (var x = 0; x < width; x++)
            {
                var p = row.Slice(x * 4, 4);
                // Premultiplied: transparent areas of a PNG come out black; they are paper, so add the missing white.
                var white = 255 - p[3];
                pixels[(y * width) + x] = Luma(p[2] + white, p[1] + white, p[0] + white);
            }
        }

        return new GrayImage(width, height, pixels);
    }

    // ITU-R BT.601 luma, as every image library's grey conversion.
    private static byte Luma(int r, int g, int b) => (byte)Math.Min(255, ((299 * r) + (587 * g) + (114 * b) + 500) / 1000);

    /// <summary>LibTiff reports unknown tags and the like on the console; a scan's quirks are not the operator's concern.</summary>
    private sealed class QuietTiffErrors : TiffErrorHandler
    {
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
