using System.Numerics;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// The rectangle of least area around a set of points (what OpenCV's minAreaRect returns), from the
/// convex hull (Andrew's monotone chain) and rotating calipers: the best rectangle has one side on a
/// hull edge (Freeman and Shapira, 1975), so every edge direction is tried.
/// </summary>
internal static class MinAreaRectangle
{
    public readonly record struct Rectangle(Vector2 Center, Vector2 Axis, float Length, float Breadth)
    {
        public float ShortSide => MathF.Min(Length, Breadth);

        public float Area => Length * Breadth;

        public float Perimeter => 2 * (Length + Breadth);
    }

    public static Rectangle Fit(List<Vector2> points)
    {
        var hull = ConvexHull(points);
        if (hull.Count == 1)
        {
            return new Rectangle(hull[0], Vector2.UnitX, 0, 0);
        }

        var best = new Rectangle(hull[0], Vector2.UnitX, 0, 0);
        var bestArea = float.MaxValue;
        for (var i = 0; i < hull.Count; i++)
        {
            var edge = hull[(i + 1) % hull.Count] - hull[i];
            if (edge.LengthSquared() < 1e-12f)
            {
                continue;
            }

            var u = Vector2.Normalize(edge);
            var v = new Vector2(-u.Y, u.X);
            float minU = float.MaxValue, maxU = float.MinValue, minV = float.MaxValue, maxV = float.MinValue;
            foreach (var p in hull)
            {
                var pu = Vector2.Dot(p, u);
                var pv = Vector2.Dot(p, v);
                minU = MathF.Min(minU, pu);
                maxU = MathF.Max(maxU, pu);
                minV = MathF.Min(minV, pv);
                maxV = MathF.Max(maxV, pv);
            }

            var area = (maxU - minU) * (maxV - minV);
            if (area < bestArea)
            {
                bestArea = area;
                var center = (u * ((minU + maxU) / 2)) + (v * ((minV + maxV) / 2));
                best = new Rectangle(center, u, maxU - minU, maxV - minV);
            }
        }

        return best;
    }

    /// <summary>The convex hull in counter-clockwise order (collinear points dropped).</summary>
    public static List<Vector2> ConvexHull(List<Vector2> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }

        var hull = new List<Vector2>(sorted.Count * 2);
        foreach (var pass in new[] { sorted, Enumerable.Reverse(sorted).ToList() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count - start >= 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull;
    }

    private static float Cross(Vector2 o, Vector2 a, Vector2 b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
