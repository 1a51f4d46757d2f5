using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>Resolves what a paragraph inherits from its style chain: numbering and outline level.</summary>
internal sealed class StyleResolver
{
    private readonly Dictionary<string, Style> _styles;

    public StyleResolver(MainDocumentPart main)
    {
        _styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null && s.Type?.Value == StyleValues.Paragraph)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First()) ?? [];
    }

    /// <summary>The paragraph's numbering instance and level: direct formatting first, then the style chain.</summary>
    public (int? NumId, int? Level) NumberingOf(Paragraph paragraph)
    {
        var direct = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = direct?.NumberingId?.Val?.Value;
        int? level = direct?.NumberingLevelReference?.Val?.Value;
        if (numId is not null && level is not null)
        {
            return (numId, level);
        }

        foreach (var style in Chain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value))
        {
            var fromStyle = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= fromStyle?.NumberingId?.Val?.Value;
            level ??= fromStyle?.NumberingLevelReference?.Val?.Value;
            if (numId is not null && level is not null)
            {
                break;
            }
        }

        return (numId, level);
    }

    /// <summary>The 0-based outline level of a heading paragraph, or null for body text.</summary>
    public int? OutlineLevelOf(Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is int direct)
        {
            return direct < 9 ? direct : null;
        }

        foreach (var style in Chain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value))
        {
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int level)
            {
                return level < 9 ? level : null;
            }

            var name = style.StyleName?.Val?.Value ?? string.Empty;
            // Built-in heading styles carry their level in the name ("heading 2", localized "标题 2").
            if ((name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) || name.StartsWith("标题 ", StringComparison.Ordinal))
                && int.TryParse(name.AsSpan(name.IndexOf(' ') + 1), out var n) && n is >= 1 and <= 9)
            {
                return n - 1;
            }

            if (name is "Title" or "title" or "标题")
            {
                return 0;
            }
        }

        return null;
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        var seen = new HashSet<string>();
        while (styleId is not null && seen.Add(styleId) && _styles.TryGetValue(styleId, out var style))
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }
}
