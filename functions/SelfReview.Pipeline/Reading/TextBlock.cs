namespace SelfReview.Pipeline.Reading;

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
