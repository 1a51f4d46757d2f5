using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading;

/// <summary>The text of an upload as ordered blocks, whatever format it came in.</summary>
/// <param name="Blocks">Paragraphs (and table cells' paragraphs) in reading order.</param>
/// <param name="Origin">How the text was obtained.</param>
/// <param name="Pages">Pages read, for paged formats.</param>
public sealed record TextDocument(IReadOnlyList<TextBlock> Blocks, TextOrigin Origin, int? Pages = null)
{
    public int Characters => Blocks.Sum(b => b.Text.Length + (b.Label?.Length ?? 0));
}

/// <summary>One paragraph of text with the structure hints its format carried.</summary>
/// <param name="Text">The paragraph's text. Soft line breaks are kept as '\n'.</param>
/// <param name="Label">An enumerator that is not in the text but came from the format (Word automatic numbering), e.g. "一、".</param>
/// <param name="HeadingLevel">0-based outline level from a heading style or an OCR role, when the format says so.</param>
/// <param name="Page">1-based page, when known.</param>
/// <param name="InTable">Whether the paragraph stood in a table cell.</param>
public sealed record TextBlock(string Text, string? Label = null, int? HeadingLevel = null, int? Page = null, bool InTable = false)
{
    /// <summary>The paragraph as a person sees it: the automatic label followed by the text.</summary>
    public string Display => Label is null ? Text : Label + Text;
}
