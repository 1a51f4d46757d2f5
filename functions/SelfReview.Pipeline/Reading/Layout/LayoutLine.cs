namespace SelfReview.Pipeline.Reading.Layout;

/// <summary>
/// One line of text where it stood on its page, in a top-down coordinate system (PDF points or image
/// pixels: only ratios to <see cref="CharSize"/> are used).
/// </summary>
/// <param name="Page">1-based page.</param>
/// <param name="Text">The line's text, words already joined.</param>
/// <param name="Left">Left edge of the first glyph.</param>
/// <param name="Top">Top edge of the line.</param>
/// <param name="Right">Right edge of the last glyph.</param>
/// <param name="Bottom">Bottom edge of the line (the baseline for PDF text).</param>
/// <param name="CharSize">The size of one Chinese character (em) on this line: the unit of indents and gaps.</param>
public sealed record LayoutLine(int Page, string Text, double Left, double Top, double Right, double Bottom, double CharSize);
