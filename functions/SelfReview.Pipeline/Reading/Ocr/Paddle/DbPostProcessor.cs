using System.Buffers;
using System.Numerics;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// Differentiable Binarization post-processing (Liao et al., "Real-time Scene Text Detection with
/// Differentiable Binarization", AAAI 2020), with PaddleOCR's inference defaults: the probability map
/// is binarised at 0.3, each connected region is a candidate, scored by the mean probability inside
/// its contour (PaddleOCR's <c>score_mode: slow</c>; the bounding rectangle's mean, the fast mode, lets
/// the blank around a skewed line drag whole lines under the bar), kept at 0.6 and above, fitted with
/// its rectangle of least area, and grown back by the unclip ratio 1.5.
/// </summary>
/// <remarks>
/// Written by hand instead of calling OpenCV, whose .NET packages bring a GUI stack with them. Regions
/// are 8-connected like OpenCV's outer contours; a region's pixels are its contour's interior less any
/// holes, which text lines at a 0.3 threshold do not have. The unclip is the standard approximation of
/// the Vatti polygon offset for a rectangle: offset distance D = area × ratio / perimeter, so each side
/// moves out by D.
/// </remarks>
internal static class DbPostProcessor
{
    public const float BinaryThreshold = 0.3f;
    public const float BoxThreshold = 0.6f;
    public const float UnclipRatio = 1.5f;

    /// <summary>Boxes whose shorter side is below this many pixels (of the probability map) are specks.</summary>
    private const float MinSize = 3;

    /// <summary>PaddleOCR's cap on candidates per page.</summary>
    private const int MaxCandidates = 1000;

    public static List<Quad> Boxes(ReadOnlySpan<float> probability, int width, int height)
    {
        // 0 unvisited, 1 in the region being filled, 2 background or done: a byte a pixel, from the pool.
        var labels = ArrayPool<byte>.Shared.Rent(width * height);
        try
        {
            labels.AsSpan(0, width * height).Clear();
            return Regions(probability, width, height, labels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(labels);
        }
    }

    private static List<Quad> Regions(ReadOnlySpan<float> probability, int width, int height, byte[] labels)
    {
        const byte Done = 2;
        var size = width * height;
        var stack = new Stack<int>();
        var members = new List<int>();
        var boxes = new List<Quad>();
        var candidates = 0;
        for (var start = 0; start < size && candidates < MaxCandidates; start++)
        {
            if (labels[start] != 0)
            {
                continue;
            }

            if (probability[start] <= BinaryThreshold)
            {
                labels[start] = Done;
                continue;
            }

            members.Clear();
            labels[start] = 1;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                members.Add(i);
                int x = i % width, y = i / width;
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = y + dy;
                    if (ny < 0 || ny >= height)
                    {
                        continue;
                    }

                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = x + dx;
                        if (nx < 0 || nx >= width)
                        {
                            continue;
                        }

                        var j = (ny * width) + nx;
                        if (labels[j] == 0)
                        {
                            if (probability[j] > BinaryThreshold)
                            {
                                labels[j] = 1;
                                stack.Push(j);
                            }
                            else
                            {
                                labels[j] = Done;
                            }
                        }
                    }
                }
            }

            candidates++;
            if (Candidate(probability, width, members) is { } box)
            {
                boxes.Add(box);
            }

            foreach (var i in members)
            {
                labels[i] = Done;
            }
        }

        return boxes;
    }

    private static Quad? Candidate(ReadOnlySpan<float> probability, int width, List<int> members)
    {
        // The hull of a region is the hull of each row's leftmost and rightmost pixel (centres, as OpenCV's contour points).
        var rows = new Dictionary<int, (int Min, int Max)>();
        double sum = 0;
        foreach (var i in members)
        {
            sum += probability[i];
            int x = i % width, y = i / width;
            rows[y] = rows.TryGetValue(y, out var r) ? (Math.Min(r.Min, x), Math.Max(r.Max, x)) : (x, x);
        }

        var points = new List<Vector2>(rows.Count * 2);
        foreach (var (y, (min, max)) in rows)
        {
            points.Add(new Vector2(min, y));
            points.Add(new Vector2(max, y));
        }

        var fitted = MinAreaRectangle.Fit(points);
        if (fitted.ShortSide < MinSize || sum / members.Count < BoxThreshold)
        {
            return null;
        }

        var distance = fitted.Area * UnclipRatio / fitted.Perimeter;
        var length = fitted.Length + (2 * distance);
        var breadth = fitted.Breadth + (2 * distance);
        if (MathF.Min(length, breadth) < MinSize + 2)
        {
            return null;
        }

        return Quad.FromRectangle(fitted.Center, fitted.Axis, length, breadth);
    }
}
