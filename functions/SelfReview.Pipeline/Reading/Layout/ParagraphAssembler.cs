namespace SelfReview.Pipeline.Reading.Layout;

/// <summary>
/// Turns lines in reading order into paragraphs, the way a reader sees them on the page: a paragraph
/// starts where a line is indented (首行缩进), after a line that stops short of the right margin, after
/// a larger vertical gap, or where the type size changes (a title). A paragraph that runs over a page
/// break continues on the next page when the page ended on a full line and the next one is not indented.
/// </summary>
/// <remarks>
/// Margins are taken locally, from the few lines around each line, so a photo taken at a slight angle
/// (whose margins drift across the page) is measured against its neighbours, not a page-wide edge;
/// and as quantiles of those lines' edges, so that a line whose last comma hangs into the margin does
/// not make its neighbours look short.
/// </remarks>
public static class ParagraphAssembler
{
    /// <summary>Lines on either side that define the local margins.</summary>
    private const int Window = 6;

    /// <summary>An indent of more than this many characters starts a paragraph (the convention is two).</summary>
    private const double IndentEm = 0.9;

    /// <summary>A line ending more than this many characters before the right margin ends its paragraph.</summary>
    private const double ShortEm = 1.5;

    /// <summary>A line spacing this many times the usual one separates paragraphs.</summary>
    private const double GapFactor = 1.7;

    /// <summary>Type this much larger than the page's usual size is a title or heading.</summary>
    private const double LargeFactor = 1.25;

    public static IReadOnlyList<TextBlock> Assemble(IReadOnlyList<LayoutLine> lines)
    {
        var features = new List<LineFeatures>(lines.Count);
        foreach (var page in lines.GroupBy(l => l.Page))
        {
            features.AddRange(Measure([.. page]));
        }

        var blocks = new List<TextBlock>();
        var text = string.Empty;
        LineFeatures? start = null;
        LineFeatures? previous = null;
        foreach (var line in features)
        {
            if (previous is null || StartsParagraph(previous, line))
            {
                Flush();
                start = line;
            }

            text = ChineseText.Join(text, line.Line.Text);
            previous = line;
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (start is not null && text.Trim().Length > 0)
            {
                blocks.Add(new TextBlock(text.Trim(), HeadingLevel: start.Large ? 0 : null, Page: start.Line.Page));
            }

            text = string.Empty;
        }
    }

    private static bool StartsParagraph(LineFeatures previous, LineFeatures line) =>
        line.Indented || previous.EndsShort || line.Large != previous.Large
        || (line.Line.Page == previous.Line.Page && line.GapBefore);

    private static IEnumerable<LineFeatures> Measure(IReadOnlyList<LayoutLine> page)
    {
        var em = Median(page.Select(l => l.CharSize));
        var pitches = page.Zip(page.Skip(1), (a, b) => b.Top - a.Top).Where(d => d > 0).ToList();
        var pitch = pitches.Count > 0 ? Median(pitches) : double.MaxValue;
        // Lines of a few characters (a page number, a stray mark) do not define margins.
        var measurable = page.Select(l => l.Text.Trim().Length >= 4).ToArray();
        for (var i = 0; i < page.Count; i++)
        {
            var line = page[i];
            var from = Math.Max(0, i - Window);
            var to = Math.Min(page.Count - 1, i + Window);
            var lefts = new List<double>();
            var rights = new List<double>();
            for (var j = from; j <= to; j++)
            {
                if (measurable[j] || j == i)
                {
                    lefts.Add(page[j].Left);
                    rights.Add(page[j].Right);
                }
            }

            // Quantiles rather than extremes: punctuation may hang into the margin (避头尾), a speck may
            // stand before a line, and a few of the neighbours are first lines or last lines.
            var left = Quantile(lefts, 0.2);
            var right = Quantile(rights, 0.8);
            var unit = Math.Max(em, 1e-6);
            yield return new LineFeatures(
                line,
                Indented: (line.Left - left) / unit > IndentEm,
                EndsShort: (right - line.Right) / unit > ShortEm,
                GapBefore: i > 0 && line.Top - page[i - 1].Top > GapFactor * pitch,
                Large: line.CharSize > LargeFactor * em);
        }
    }

    private static double Quantile(List<double> values, double q)
    {
        values.Sort();
        return values[(int)Math.Floor(q * (values.Count - 1))];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private sealed record LineFeatures(LayoutLine Line, bool Indented, bool EndsShort, bool GapBefore, bool Large);
}
