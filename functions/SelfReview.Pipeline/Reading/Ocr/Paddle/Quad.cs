using System.Numerics;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// A text box on the page: a rectangle at any angle, its corners named as the text reads (top-left
/// first, along the line to the top-right), in page pixels.
/// </summary>
internal readonly record struct Quad(Vector2 TopLeft, Vector2 TopRight, Vector2 BottomRight, Vector2 BottomLeft)
{
    /// <summary>Length along the line.</summary>
    public float Width => Vector2.Distance(TopLeft, TopRight);

    /// <summary>Length across the line: the height of the type.</summary>
    public float Height => Vector2.Distance(TopLeft, BottomLeft);

    public float Left => MathF.Min(MathF.Min(TopLeft.X, TopRight.X), MathF.Min(BottomRight.X, BottomLeft.X));

    public float Right => MathF.Max(MathF.Max(TopLeft.X, TopRight.X), MathF.Max(BottomRight.X, BottomLeft.X));

    public float Top => MathF.Min(MathF.Min(TopLeft.Y, TopRight.Y), MathF.Min(BottomRight.Y, BottomLeft.Y));

    public float Bottom => MathF.Max(MathF.Max(TopLeft.Y, TopRight.Y), MathF.Max(BottomRight.Y, BottomLeft.Y));

    public float CenterY => (Top + Bottom) / 2;

    /// <summary>The first <paramref name="length"/> pixels of the box along the line.</summary>
    public Quad Start(float length)
    {
        var t = Math.Min(1f, length / Math.Max(1f, Width));
        return new Quad(TopLeft, Vector2.Lerp(TopLeft, TopRight, t), Vector2.Lerp(BottomLeft, BottomRight, t), BottomLeft);
    }

    /// <summary>The same box read upside down (the page turned by 180°).</summary>
    public Quad Flipped => new(BottomRight, BottomLeft, TopLeft, TopRight);

    /// <summary>The box as it reads once its crop is turned a quarter counter-clockwise (a tall box of vertical text).</summary>
    public Quad QuarterTurned => new(TopRight, BottomRight, BottomLeft, TopLeft);

    /// <summary>Where this box lies on the page after the page is turned by 180° (page size <paramref name="width"/> × <paramref name="height"/>).</summary>
    public Quad OnPageTurnedHalf(int width, int height)
    {
        Vector2 R(Vector2 p) => new(width - p.X, height - p.Y);
        return new Quad(R(BottomRight), R(BottomLeft), R(TopLeft), R(TopRight));
    }

    /// <summary>
    /// The box from a rotated rectangle: the axis nearer the horizontal runs along the line, so the
    /// corners read left to right and top to bottom whatever angle the fitting produced.
    /// </summary>
    public static Quad FromRectangle(Vector2 center, Vector2 axis, float length, float breadth)
    {
        var u = Vector2.Normalize(axis);
        var v = new Vector2(-u.Y, u.X);
        if (MathF.Abs(u.X) < MathF.Abs(u.Y))
        {
            (u, v) = (v, u);
            (length, breadth) = (breadth, length);
        }

        if (u.X < 0)
        {
            u = -u;
        }

        if (v.Y < 0)
        {
            v = -v;
        }

        var a = u * (length / 2);
        var b = v * (breadth / 2);
        return new Quad(center - a - b, center + a - b, center + a + b, center - a + b);
    }

    /// <summary>Corners scaled by (<paramref name="sx"/>, <paramref name="sy"/>) and clamped into a page of the given size.</summary>
    public Quad ScaledInto(float sx, float sy, int width, int height)
    {
        Vector2 S(Vector2 p) => new(Math.Clamp(p.X * sx, 0, width), Math.Clamp(p.Y * sy, 0, height));
        return new Quad(S(TopLeft), S(TopRight), S(BottomRight), S(BottomLeft));
    }
}
