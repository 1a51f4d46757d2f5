using System.Numerics;
using SelfReview.Pipeline.Reading.Layout;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// Puts the recognised boxes of one page into reading order and joins them into lines: boxes are
/// grouped into rows by vertical overlap and read left to right; a page in two columns (a vertical gap
/// through the middle of the page that no line of text crosses, apart from titles spanning both) is
/// read column by column between the spanning lines. The lines of the right column are shifted onto
/// the left one's margin so the paragraph assembler measures indents against their own column.
/// </summary>
internal static class ReadingOrder
{
    /// <summary>Two boxes whose vertical overlap is at least this share of the lower one's height are on one row.</summary>
    private const float RowOverlap = 0.5f;

    /// <summary>A gutter must be at least this many characters wide.</summary>
    private const float GutterEm = 1.5f;

    /// <summary>Each column needs at least this many lines for the page to count as two columns.</summary>
    private const int MinColumnLines = 3;

    public static List<LayoutLine> Lines(IReadOnlyList<RecognisedLine> boxes, int page, int pageWidth)
    {
        if (boxes.Count == 0)
        {
            return [];
        }

        boxes = Deskewed(boxes);
        var em = Median(boxes.Select(b => b.Box.Height));
        if (Gutter(boxes, pageWidth, em) is not { } gutter)
        {
            return Rows(boxes, page, shift: 0);
        }

        // Bands: runs of lines between lines that cross the gutter (a title over both columns).
        var lines = new List<LayoutLine>();
        var band = new List<RecognisedLine>();
        foreach (var box in boxes.OrderBy(b => b.Box.Top))
        {
            if (box.Box.Left < gutter.Left && box.Box.Right > gutter.Right)
            {
                Flush();
                lines.AddRange(Rows([box], page, shift: 0));
            }
            else
            {
                band.Add(box);
            }
        }

        Flush();
        return lines;

        void Flush()
        {
            var left = band.Where(b => b.Box.Right <= gutter.Right).ToList();
            var right = band.Where(b => b.Box.Right > gutter.Right).ToList();
            lines.AddRange(Rows(left, page, shift: 0));
            if (right.Count > 0)
            {
                var leftMargin = left.Count > 0 ? left.Min(b => b.Box.Left) : gutter.Left;
                lines.AddRange(Rows(right, page, shift: right.Min(b => b.Box.Left) - leftMargin));
            }

            band.Clear();
        }
    }

    private static List<LayoutLine> Rows(IReadOnlyList<RecognisedLine> boxes, int page, float shift)
    {
        var rows = new List<List<RecognisedLine>>();
        foreach (var box in boxes.OrderBy(b => b.Box.CenterY))
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            if (row is not null && Overlap(row, box) >= RowOverlap * Math.Min(box.Box.Bottom - box.Box.Top, row.Max(r => r.Box.Bottom - r.Box.Top)))
            {
                row.Add(box);
            }
            else
            {
                rows.Add([box]);
            }
        }

        var lines = new List<LayoutLine>(rows.Count);
        foreach (var row in rows)
        {
            var ordered = row.OrderBy(b => b.Box.Left).ToList();
            var text = ordered.Aggregate(string.Empty, (t, b) => ChineseText.Join(t, b.Text.Trim()));
            text = ChineseText.TidyOcrLine(text);
            if (text.Length == 0)
            {
                continue;
            }

            lines.Add(new LayoutLine(
                page,
                text,
                ordered.Min(b => b.Box.Left) - shift,
                ordered.Min(b => b.Box.Top),
                ordered.Max(b => b.Box.Right) - shift,
                ordered.Max(b => b.Box.Bottom),
                // The detector's box is the line's height with a little margin; the type is about 0.8 of it.
                CharSize: Median(ordered.Select(b => b.Box.Height)) * 0.8));
        }

        return lines;
    }

    /// <summary>
    /// The boxes turned about the page's centre by the median angle of its lines, so that a photo taken
    /// a few degrees askew is ordered as if level: a long line's upright bounding box grows with its
    /// skew and would swallow the short line below it into its row.
    /// </summary>
    private static IReadOnlyList<RecognisedLine> Deskewed(IReadOnlyList<RecognisedLine> boxes)
    {
        var angles = boxes.Where(b => b.Box.Width >= 3 * b.Box.Height)
            .Select(b => MathF.Atan2(b.Box.TopRight.Y - b.Box.TopLeft.Y, b.Box.TopRight.X - b.Box.TopLeft.X))
            .ToList();
        if (angles.Count == 0)
        {
            return boxes;
        }

        var angle = Median(angles);
        if (MathF.Abs(angle) < 0.002f)
        {
            return boxes;
        }

        var turn = Matrix3x2.CreateRotation(-angle);
        Vector2 T(Vector2 p) => Vector2.Transform(p, turn);
        return [.. boxes.Select(b => b with { Box = new Quad(T(b.Box.TopLeft), T(b.Box.TopRight), T(b.Box.BottomRight), T(b.Box.BottomLeft)) })];
    }

    private static float Overlap(List<RecognisedLine> row, RecognisedLine box)
    {
        var top = row.Min(r => r.Box.Top);
        var bottom = row.Max(r => r.Box.Bottom);
        return Math.Min(bottom, box.Box.Bottom) - Math.Max(top, box.Box.Top);
    }

    /// <summary>
    /// The widest vertical strip in the middle of the page crossed by at most one line in ten (titles),
    /// when it is wide enough and has enough lines on each side; null for a single column.
    /// </summary>
    private static (float Left, float Right)? Gutter(IReadOnlyList<RecognisedLine> boxes, int pageWidth, float em)
    {
        if (boxes.Count < 2 * MinColumnLines)
        {
            return null;
        }

        var cover = new int[pageWidth + 1];
        foreach (var b in boxes)
        {
            for (var x = Math.Max(0, (int)b.Box.Left); x <= Math.Min(pageWidth, (int)b.Box.Right); x++)
            {
                cover[x]++;
            }
        }

        var allowed = boxes.Count / 10;
        int from = pageWidth / 4, to = pageWidth * 3 / 4;
        (int Left, int Right) best = (0, -1);
        for (var x = from; x <= to; x++)
        {
            if (cover[x] > allowed)
            {
                continue;
            }

            var end = x;
            while (end + 1 <= to && cover[end + 1] <= allowed)
            {
                end++;
            }

            if (end - x > best.Right - best.Left)
            {
                best = (x, end);
            }

            x = end;
        }

        if (best.Right - best.Left < GutterEm * em)
        {
            return null;
        }

        var (left, right) = (best.Left, best.Right);
        var leftLines = boxes.Count(b => b.Box.Right <= right && b.Box.Right < left + 1);
        var rightLines = boxes.Count(b => b.Box.Left >= left && b.Box.Left > right - 1);
        return leftLines >= MinColumnLines && rightLines >= MinColumnLines ? (left, right) : null;
    }

    private static float Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
