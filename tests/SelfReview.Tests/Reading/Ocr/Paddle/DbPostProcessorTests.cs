using System.Numerics;
using SelfReview.Pipeline.Reading.Ocr.Paddle;

namespace SelfReview.Tests.Reading.Ocr.Paddle;

public sealed class DbPostProcessorTests
{
    private const int Width = 200;
    private const int Height = 100;

    private static float[] Map(params (int X, int Y, int W, int H, float P)[] regions)
    {
        var map = new float[Width * Height];
        foreach (var (x0, y0, w, h, p) in regions)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    map[(y * Width) + x] = p;
                }
            }
        }

        return map;
    }

    [Fact]
    public void Boxes_FindsEachLine_AndGrowsItByTheUnclipDistance()
    {
        // Two shrunk line kernels, 100 × 6 and 60 × 6 pixels (centres 99 × 5 apart).
        var boxes = DbPostProcessor.Boxes(Map((20, 20, 100, 6, 0.9f), (20, 60, 60, 6, 0.8f)), Width, Height);

        Assert.Equal(2, boxes.Count);
        var first = boxes.OrderBy(b => b.Top).First();
        // D = area × 1.5 / perimeter = 99 × 5 × 1.5 / 208 ≈ 3.57: each side moves out by D.
        Assert.Equal(99 + (2 * 3.57f), first.Width, 0.05f);
        Assert.Equal(5 + (2 * 3.57f), first.Height, 0.05f);
        Assert.Equal(20 - 3.57f, first.Left, 0.05f);
    }

    [Fact]
    public void Boxes_ScoresTheRegionItself_NotItsBoundingRectangle()
    {
        // A slanted line of confident pixels: its bounding rectangle is mostly background (mean well
        // under 0.6), its own pixels average 0.9, so it is kept.
        var map = new float[Width * Height];
        for (var x = 10; x < 190; x++)
        {
            var y = 10 + (x * 70 / 180);
            for (var dy = 0; dy < 6; dy++)
            {
                map[((y + dy) * Width) + x] = 0.9f;
            }
        }

        var box = Assert.Single(DbPostProcessor.Boxes(map, Width, Height));

        Assert.True(box.Width > 150);
        Assert.InRange(MathF.Atan2(box.TopRight.Y - box.TopLeft.Y, box.TopRight.X - box.TopLeft.X), 0.3f, 0.4f); // about 21°
    }

    [Fact]
    public void Boxes_DropsRegionsBelowTheBoxThreshold_AndSpecks()
    {
        var boxes = DbPostProcessor.Boxes(Map((20, 20, 100, 6, 0.5f), (150, 50, 2, 2, 0.99f)), Width, Height);

        Assert.Empty(boxes);
    }

    [Fact]
    public void MinAreaRectangle_FitsARotatedRectangle()
    {
        var turn = Matrix3x2.CreateRotation(0.5f);
        List<Vector2> corners = [.. new[] { new Vector2(0, 0), new Vector2(40, 0), new Vector2(40, 10), new Vector2(0, 10), new Vector2(20, 5) }.Select(p => Vector2.Transform(p, turn))];

        var fitted = MinAreaRectangle.Fit(corners);

        Assert.Equal(400, fitted.Area, 0.1f);
        Assert.Equal(10, fitted.ShortSide, 0.01f);
    }
}
