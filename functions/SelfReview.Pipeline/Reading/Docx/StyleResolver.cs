using System.Xml;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>Resolves what a paragraph inherits from its style chain (styles.xml): numbering and outline level.</summary>
internal sealed class StyleResolver
{
    private const int MaxChain = 32;

    private readonly Dictionary<string, StyleDefinition> _styles = new(StringComparer.Ordinal);

    /// <param name="styles">The styles part, or null when the document has none.</param>
    public StyleResolver(Stream? styles)
    {
        if (styles is null)
        {
            return;
        }

        using var reader = XmlReader.Create(styles, WordXml.Settings);
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || !WordXml.Is(reader, "style"))
            {
                reader.Read();
                continue;
            }

            var id = WordXml.Attribute(reader, "styleId");
            var paragraphStyle = WordXml.Attribute(reader, "type") == "paragraph";
            var style = ReadStyle(reader);
            // The first definition of an id wins; only paragraph styles carry these properties.
            if (id is not null && paragraphStyle)
            {
                _styles.TryAdd(id, style);
            }
        }
    }

    /// <summary>The paragraph's numbering instance and level: direct formatting first, then the style chain.</summary>
    public (int? NumId, int? Level) NumberingOf(ParagraphFormat paragraph)
    {
        var numId = paragraph.NumId;
        var level = paragraph.Level;
        if (numId is not null && level is not null)
        {
            return (numId, level);
        }

        foreach (var style in Chain(paragraph.StyleId))
        {
            numId ??= style.Format.NumId;
            level ??= style.Format.Level;
            if (numId is not null && level is not null)
            {
                break;
            }
        }

        return (numId, level);
    }

    /// <summary>The 0-based outline level of a heading paragraph, or null for body text.</summary>
    public int? OutlineLevelOf(ParagraphFormat paragraph)
    {
        if (paragraph.OutlineLevel is int direct)
        {
            return direct < 9 ? direct : null;
        }

        foreach (var style in Chain(paragraph.StyleId))
        {
            if (style.Format.OutlineLevel is int level)
            {
                return level < 9 ? level : null;
            }

            var name = style.Name ?? string.Empty;
            // Built-in heading styles carry their level in the name ("heading 2", localized "标题 2").
            if ((name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) || name.StartsWith("标题 ", StringComparison.Ordinal))
                && int.TryParse(name.AsSpan(name.IndexOf(' ', StringComparison.Ordinal) + 1), out var n) && n is >= 1 and <= 9)
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

    private static StyleDefinition ReadStyle(XmlReader reader)
    {
        string? name = null;
        string? basedOn = null;
        var format = ParagraphFormat.None;
        WordXml.Children(reader, child =>
        {
            if (WordXml.Is(child, "name"))
            {
                name = WordXml.Attribute(child);
            }
            else if (WordXml.Is(child, "basedOn"))
            {
                basedOn = WordXml.Attribute(child);
            }
            else if (WordXml.Is(child, "pPr"))
            {
                format = ParagraphFormat.Read(child);
                return;
            }

            child.Skip();
        });
        return new StyleDefinition(name, basedOn, format);
    }

    /// <summary>
    /// The style and the styles it is based on. Cut at <see cref="MaxChain"/> links: real chains are a
    /// handful long, and a crafted chain of thousands walked for every paragraph would grow with the square.
    /// </summary>
    private IEnumerable<StyleDefinition> Chain(string? styleId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (styleId is not null && seen.Count < MaxChain && seen.Add(styleId) && _styles.TryGetValue(styleId, out var style))
        {
            yield return style;
            styleId = style.BasedOn;
        }
    }

    private sealed record StyleDefinition(string? Name, string? BasedOn, ParagraphFormat Format);
}
