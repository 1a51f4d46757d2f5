using System.Text;
using System.Text.RegularExpressions;
using SelfReview.Contracts;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Cleaning;

/// <summary>
/// Strips web leftovers (paywall markers, site lines), reports placeholders, removes the spaces
/// OCR and PDF put between Chinese characters, and joins lines that a PDF or OCR broke inside a sentence.
/// </summary>
public sealed class TextCleaner(DomainVocabulary vocabulary, EnumeratorRecognizer enumerators)
{
    private static readonly Regex SpaceBetweenCjk = new(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF“”‘’])[ \t\u3000]+(?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF“”‘’])");
    private static readonly Regex ManySpaces = new(@"[ \t\u3000\u00A0]{2,}");

    public CleanText Clean(TextDocument document)
    {
        var removedInline = new List<string>();
        var removedLines = new List<string>();
        var lines = new List<Line>();
        foreach (var block in document.Blocks)
        {
            var first = true;
            foreach (var raw in block.Text.Split('\n'))
            {
                var label = first ? block.Label : null;
                first = false;
                var text = RemoveInline(raw.Normalize(NormalizationForm.FormC), removedInline);
                if (document.Origin is TextOrigin.PdfTextLayer or TextOrigin.OcrTesseract or TextOrigin.OcrPaddle or TextOrigin.OcrDocumentIntelligence or TextOrigin.Mixed)
                {
                    // PDF extraction and OCR put spaces between Chinese characters; typed text keeps its spaces ("王某某 局长").
                    text = SpaceBetweenCjk.Replace(text, string.Empty);
                }

                text = ManySpaces.Replace(text, " ").Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (IsLeftoverLine(text))
                {
                    removedLines.Add(Excerpt(text));
                    continue;
                }

                lines.Add(new Line(text, label, block.HeadingLevel, vocabulary.ToSimplified(text)));
            }
        }

        // Word and web pages carry real paragraphs; the other formats break lines inside sentences.
        if (document.Origin is not (TextOrigin.Docx or TextOrigin.Html))
        {
            lines = JoinBrokenLines(lines);
        }

        var flags = new List<QualityFlag>();
        if (removedInline.Count + removedLines.Count > 0)
        {
            flags.Add(new QualityFlag
            {
                Code = "web_leftover",
                Message = $"材料中有网络下载痕迹（付费标记、网站信息等）{removedInline.Count + removedLines.Count} 处，已从正文中去除，请确认材料为本人撰写。",
                Evidence = [.. removedInline.Concat(removedLines).Distinct().Take(8)],
            });
        }

        var placeholders = FindPlaceholders(lines);
        if (placeholders.Count > 0)
        {
            flags.Add(new QualityFlag
            {
                Code = "placeholder",
                Message = $"材料中有未替换的占位符（如 XX、×××、某某、20**）{placeholders.Count} 处，请补全具体内容。",
                Evidence = [.. placeholders.Distinct().Take(8)],
            });
        }

        return new CleanText(lines, flags);
    }

    private string RemoveInline(string text, List<string> removed)
    {
        foreach (var pattern in vocabulary.InlineLeftovers)
        {
            if (pattern.IsMatch(text))
            {
                foreach (Match m in pattern.Matches(text))
                {
                    removed.Add(m.Value);
                }

                text = pattern.Replace(text, string.Empty);
            }
        }

        return text;
    }

    private bool IsLeftoverLine(string text)
    {
        // Only short lines are site furniture; a long paragraph that mentions a website is content.
        if (text.Length > 60)
        {
            return false;
        }

        foreach (var pattern in vocabulary.LeftoverLines)
        {
            if (pattern.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    private List<string> FindPlaceholders(List<Line> lines)
    {
        var found = new List<string>();
        foreach (var line in lines)
        {
            foreach (var pattern in vocabulary.Placeholders)
            {
                foreach (Match m in pattern.Matches(line.Text))
                {
                    found.Add(Context(line.Text, m.Index, m.Length));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Joins lines a PDF or OCR broke inside a paragraph. A document is "wrapped" when many of its
    /// lines have nearly the same length; then a full-width line continues into the next one unless
    /// the next one opens an item or a heading, or the line itself ends a paragraph short of the width.
    /// </summary>
    private List<Line> JoinBrokenLines(List<Line> lines)
    {
        if (lines.Count < 4)
        {
            return lines;
        }

        var lengths = lines.Select(l => l.Text.Length).Order().ToArray();
        var width = lengths[(int)(lengths.Length * 0.9)];
        var nearWidth = lines.Count(l => l.Text.Length >= width * 0.85 && l.Text.Length <= width + 2);
        if (width > 80 || width < 12 || nearWidth < lines.Count * 0.3)
        {
            return lines;
        }

        var joined = new List<Line>(lines.Count);
        var current = lines[0];
        for (var i = 1; i < lines.Count; i++)
        {
            var next = lines[i];
            var full = current.Text.Length >= width * 0.85 || (current.Text.Length >= width * 0.7 && !EndsParagraph(current.Text));
            // A heading after a finished sentence starts anew; after a line broken mid-sentence it is the rest of that line.
            if (full && next.AutoLabel is null && !enumerators.StartsWithEnumerator(next.Match) && !(EndsParagraph(current.Text) && LooksLikeHeading(next.Match)))
            {
                current = current with { Text = current.Text + next.Text, Match = current.Match + next.Match };
            }
            else
            {
                joined.Add(current);
                current = next;
            }
        }

        joined.Add(current);
        return joined;
    }

    private bool LooksLikeHeading(string text) =>
        text.Length <= 20 && vocabulary.SectionPatterns.Any(s => s.Kind != SectionKind.Closing && s.Patterns.Any(p => p.IsMatch(text)));

    private static bool EndsParagraph(string text) => text.Length > 0 && "。！？!?：:；;”".Contains(text[^1]);

    private static string Context(string text, int index, int length)
    {
        var start = Math.Max(0, index - 8);
        var end = Math.Min(text.Length, index + length + 8);
        return text[start..end];
    }

    private static string Excerpt(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
