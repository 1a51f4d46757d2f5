namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// One page as 8-bit grey levels, row by row. Pages are kept grey (one byte a pixel, 2.2 MB for an A4
/// page at 150 dpi) and fed to the models as three equal channels: statements are black type on paper,
/// and colour only costs memory.
/// </summary>
internal sealed class GrayImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Pixels { get; } = pixels;

    public byte this[int x, int y] => Pixels[(y * Width) + x];

    /// <summary>Bilinear sample at (x, y) in pixel-centre coordinates; outside the page reads as white paper.</summary>
    public float Sample(float x, float y)
    {
        var x0 = (int)MathF.Floor(x);
        var y0 = (int)MathF.Floor(y);
        var fx = x - x0;
        var fy = y - y0;
        var a = At(x0, y0);
        var b = At(x0 + 1, y0);
        var c = At(x0, y0 + 1);
        var d = At(x0 + 1, y0 + 1);
        return ((a * (1 - fx)) + (b * fx)) * (1 - fy) + (((c * (1 - fx)) + (d * fx)) * fy);
    }

    /// <summary>The page turned clockwise by <paramref name="quarterTurns"/> × 90°.</summary>
    public GrayImage Rotate(int quarterTurns) => (((quarterTurns % 4) + 4) % 4) switch
    {
        1 => Map(Height, Width, (x, y) => (y, Height - 1 - x)),
        2 => Map(Width, Height, (x, y) => (Width - 1 - x, Height - 1 - y)),
        3 => Map(Height, Width, (x, y) => (Width - 1 - y, x)),
        _ => this,
    };

    /// <summary>Mirrored left to right (EXIF orientations 2, 4, 5 and 7 include a mirror).</summary>
    public GrayImage MirrorHorizontally() => Map(Width, Height, (x, y) => (Width - 1 - x, y));

    private float At(int x, int y) =>
        x < 0 || y < 0 || x >= Width || y >= Height ? 255f : Pixels[(y * Width) + x];

    /// <summary>A new image of the given size whose pixel (x, y) is this image's pixel at source(x, y).</summary>
    private GrayImage Map(int width, int height, Func<int, int, (int X, int Y)> source)
    {
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = source(x, y);
                pixels[(y * width) + x] = Pixels[(sy * Width) + sx];
            }
        }

        return new GrayImage(width, height, pixels);
    }
}
