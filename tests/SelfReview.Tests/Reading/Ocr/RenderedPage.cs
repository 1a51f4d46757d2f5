using SkiaSharp;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>
/// Pages of text rendered with SkiaSharp and Noto Sans CJK SC (Debian fonts-noto-cjk, installed by
/// scripts/setup.sh), laid out as a statement is printed: 2-character first-line indents, lines broken
/// at the column edge; then made to look scanned, photographed, turned, or set in two columns.
/// </summary>
public static class RenderedPage
{
    public const string FontFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    private const float FontSize = 26;
    private const float Margin = 60;
    private const float Pitch = FontSize * 1.65f;

    private static readonly Lazy<SKTypeface> Typeface = new(() =>
    {
        // The collection holds JP, KR, SC, TC and HK faces; the SC one draws Simplified Chinese forms.
        for (var i = 0; i < 10; i++)
        {
            var face = SKTypeface.FromFile(FontFile, i);
            if (face?.FamilyName.EndsWith(" SC", StringComparison.Ordinal) == true)
            {
                return face;
            }
        }

        throw new InvalidOperationException($"Noto Sans CJK SC not found in {FontFile}: run scripts/setup.sh (apt-get install fonts-noto-cjk)");
    });

    /// <summary>A page of <paramref name="paragraphs"/> in one column, or in two with <paramref name="title"/> across both.</summary>
    public static SKBitmap Render(IReadOnlyList<string> paragraphs, int columns = 1, string? title = null)
    {
        using var font = new SKFont(Typeface.Value, FontSize);
        var width = columns == 1 ? 900 : 1400;
        const float gutter = 80;
        var columnWidth = (width - (2 * Margin) - (gutter * (columns - 1))) / columns;
        var laidOut = paragraphs.Select(p => Wrap(font, p, columnWidth)).ToList();
        var perColumn = columns == 1 ? laidOut.Count : Split(laidOut);
        var titleHeight = title is null ? 0 : Pitch * 2;
        var lines = Math.Max(laidOut.Take(perColumn).Sum(l => l.Count), laidOut.Skip(perColumn).Sum(l => l.Count));
        var height = (int)((2 * Margin) + titleHeight + (lines * Pitch));
        var bitmap = new SKBitmap(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        if (title is not null)
        {
            var titleWidth = font.MeasureText(title);
            canvas.DrawText(title, (width - titleWidth) / 2, Margin + FontSize, SKTextAlign.Left, font, ink);
        }

        for (var column = 0; column < columns; column++)
        {
            var x0 = Margin + (column * (columnWidth + gutter));
            var y = Margin + titleHeight + FontSize;
            foreach (var paragraph in column == 0 ? laidOut.Take(perColumn) : laidOut.Skip(perColumn))
            {
                foreach (var (text, indent) in paragraph)
                {
                    canvas.DrawText(text, x0 + indent, y, SKTextAlign.Left, font, ink);
                    y += Pitch;
                }
            }
        }

        return bitmap;
    }

    /// <summary>The page as an office scanner with dust on the glass leaves it: grain, specks, greyer paper.</summary>
    public static SKBitmap Noisy(SKBitmap page, int seed = 7)
    {
        var random = new Random(seed);
        var noisy = page.Copy();
        var pixels = noisy.GetPixelSpan().ToArray();
        for (var i = 0; i < pixels.Length; i++)
        {
            // Paper at ~225 and ink at ~40 instead of 255/0, with Gaussian grain (Box–Muller, σ = 16).
            var clean = pixels[i] / 255.0;
            var grain = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 16;
            var value = 40 + (clean * 185) + grain;
            if (random.NextDouble() < 0.001)
            {
                value = random.Next(2) == 0 ? 20 : 250; // salt and pepper
            }

            pixels[i] = (byte)Math.Clamp(value, 0, 255);
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, noisy.GetPixels(), pixels.Length);
        return noisy;
    }

    /// <summary>The page turned clockwise by <paramref name="degrees"/> (90, 180 or 270).</summary>
    public static SKBitmap Turned(SKBitmap page, int degrees)
    {
        var sideways = degrees % 180 != 0;
        var turned = new SKBitmap(sideways ? page.Height : page.Width, sideways ? page.Width : page.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-page.Width / 2f, -page.Height / 2f);
        using var image = SKImage.FromBitmap(page);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return turned;
    }

    /// <summary>
    /// The page as a phone photographs it on a desk: turned by a couple of degrees and slightly keystoned,
    /// on a darker background, lit unevenly, a little out of focus, saved as a colour JPEG.
    /// </summary>
    public static byte[] PhonePhoto(SKBitmap page, float degrees = 2.5f)
    {
        var width = page.Width + 120;
        var height = page.Height + 120;
        using var photo = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(new SKColor(110, 100, 90));
            // A slight perspective: the top edge a little narrower than the bottom, as from a phone held low.
            var perspective = SKMatrix.CreateIdentity();
            perspective.Persp1 = 0.00002f;
            canvas.Translate(width / 2f, height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Concat(perspective);
            canvas.Translate(-page.Width / 2f, -page.Height / 2f);
            using var light = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(page.Width, page.Height), [new SKColor(245, 238, 222), new SKColor(190, 184, 170)], SKShaderTileMode.Clamp);
            using var paper = new SKPaint { Shader = light };
            using var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(0.7f, 0.7f), BlendMode = SKBlendMode.Multiply };
            canvas.DrawRect(0, 0, page.Width, page.Height, paper);
            using var image = SKImage.FromBitmap(page);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), blur);
        }

        return Encode(photo, SKEncodedImageFormat.Jpeg, 70);
    }

    public static byte[] Png(SKBitmap page) => Encode(page, SKEncodedImageFormat.Png, 100);

    public static byte[] Jpeg(SKBitmap page, int quality = 85) => Encode(page, SKEncodedImageFormat.Jpeg, quality);

    /// <summary>A JPEG with an EXIF APP1 segment holding only the Orientation tag (274) set to <paramref name="orientation"/>.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, // little-endian TIFF header, first IFD at 8
            1, 0, // one entry
            0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, (byte)(orientation >> 8), 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0, // no next IFD
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg.Take(2), .. segment, .. jpeg.Skip(2)];
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>Greedy line breaking by measured width, punctuation kept off line starts; the first line indented by two characters.</summary>
    private static List<(string Text, float Indent)> Wrap(SKFont font, string paragraph, float width)
    {
        var lines = new List<(string, float)>();
        var indent = 2 * FontSize;
        var start = 0;
        while (start < paragraph.Length)
        {
            var end = start + 1;
            while (end < paragraph.Length && font.MeasureText(paragraph.AsSpan(start, end - start + 1)) + indent <= width)
            {
                end++;
            }

            // 避头尾 (GB/T 15834): closing punctuation never starts a line, it hangs at the end of the previous one.
            while (end < paragraph.Length && "，。、；：？！）”".Contains(paragraph[end], StringComparison.Ordinal))
            {
                end++;
            }

            lines.Add((paragraph[start..end], indent));
            indent = 0;
            start = end;
        }

        return lines;
    }

    private static int Split(List<List<(string Text, float Indent)>> paragraphs)
    {
        var total = paragraphs.Sum(p => p.Count);
        var lines = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            lines += paragraphs[i].Count;
            if (lines >= total / 2)
            {
                return i + 1;
            }
        }

        return paragraphs.Count;
    }
}
