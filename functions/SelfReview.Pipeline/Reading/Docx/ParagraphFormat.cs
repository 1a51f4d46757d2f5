using System.Xml;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>What a paragraph's (or a paragraph style's) w:pPr says about structure: style, numbering, outline level.</summary>
/// <param name="StyleId">w:pStyle.</param>
/// <param name="NumId">w:numPr/w:numId.</param>
/// <param name="Level">w:numPr/w:ilvl.</param>
/// <param name="OutlineLevel">w:outlineLvl.</param>
internal sealed record ParagraphFormat(string? StyleId, int? NumId, int? Level, int? OutlineLevel)
{
    public static ParagraphFormat None { get; } = new(null, null, null, null);

    /// <summary>Reads the w:pPr the reader is on (its direct children only: a w:pPrChange holds the old properties) and moves past it.</summary>
    public static ParagraphFormat Read(XmlReader reader)
    {
        string? style = null;
        int? numId = null;
        int? level = null;
        int? outline = null;
        WordXml.Children(reader, child =>
        {
            if (!WordXml.IsWord(child))
            {
                child.Skip();
                return;
            }

            switch (child.LocalName)
            {
                case "pStyle":
                    style = WordXml.Attribute(child);
                    child.Skip();
                    break;
                case "outlineLvl":
                    outline = WordXml.Int(child);
                    child.Skip();
                    break;
                case "numPr":
                    WordXml.Children(child, n =>
                    {
                        if (WordXml.Is(n, "numId"))
                        {
                            numId = WordXml.Int(n);
                        }
                        else if (WordXml.Is(n, "ilvl"))
                        {
                            level = WordXml.Int(n);
                        }

                        n.Skip();
                    });
                    break;
                default:
                    child.Skip();
                    break;
            }
        });
        return style is null && numId is null && level is null && outline is null ? None : new ParagraphFormat(style, numId, level, outline);
    }
}
