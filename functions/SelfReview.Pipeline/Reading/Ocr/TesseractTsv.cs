using System.Globalization;
using SelfReview.Pipeline.Reading.Layout;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// Reads Tesseract's TSV output (<c>tesseract img - tsv</c>): one row per page, block, paragraph, line
/// and word, with the columns level, page_num, block_num, par_num, line_num, word_num, left, top, width,
/// height, conf, text. Words (level 5) are grouped into lines with their boxes, which the paragraph
/// assembler turns into paragraphs by indent and line length.
/// </summary>
public static class TesseractTsv
{
    private const int WordLevel = 5;

    /// <param name="tsv">The TSV text.</param>
    /// <param name="pageNumber">The page the output belongs to, or null to take Tesseract's page_num (multi-page TIFF).</param>
    public static IReadOnlyList<LayoutLine> ReadLines(string tsv, int? pageNumber)
    {
        var lines = new List<LayoutLine>();
        var words = new List<Word>();
        (int Page, int Block, int Par, int Line) key = default;
        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || !int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level != WordLevel)
            {
                continue;
            }

            var text = cells[11].Trim();
            if (text.Length == 0 || !double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf) || conf < 0)
            {
                continue;
            }

            var numbers = new int[10];
            for (var i = 1; i <= 9; i++)
            {
                numbers[i] = int.Parse(cells[i], NumberStyles.Integer, CultureInfo.InvariantCulture);
            }

            var rowKey = (numbers[1], numbers[2], numbers[3], numbers[4]);
            if (words.Count > 0 && rowKey != key)
            {
                AddLine(lines, words, pageNumber ?? key.Page);
                words.Clear();
            }

            key = rowKey;
            words.Add(new Word(text, numbers[6], numbers[7], numbers[8], numbers[9]));
        }

        if (words.Count > 0)
        {
            AddLine(lines, words, pageNumber ?? key.Page);
        }

        return lines;
    }

    private static void AddLine(List<LayoutLine> lines, List<Word> words, int page)
    {
        var text = ChineseText.TidyOcrLine(string.Join(' ', words.Select(w => w.Text)));
        // A line of nothing but marks is noise (a speck, a shadow at the page edge), not text.
        if (!text.Any(c => char.IsLetterOrDigit(c)))
        {
            return;
        }

        // A Chinese character is as wide as it is tall; its height is the line's em. Punctuation and
        // Latin letters are smaller, so only words with a Chinese character are measured when there are any.
        var measured = words.Where(w => w.Text.Any(ChineseText.IsIdeograph)).Select(w => (double)w.Height).ToList();
        if (measured.Count == 0)
        {
            measured = [.. words.Select(w => (double)w.Height)];
        }

        measured.Sort();
        lines.Add(new LayoutLine(
            page,
            text,
            Left: words.Min(w => w.Left),
            Top: words.Min(w => w.Top),
            Right: words.Max(w => w.Left + w.Width),
            Bottom: words.Max(w => w.Top + w.Height),
            CharSize: measured[measured.Count / 2]));
    }

    private sealed record Word(string Text, int Left, int Top, int Width, int Height);
}
