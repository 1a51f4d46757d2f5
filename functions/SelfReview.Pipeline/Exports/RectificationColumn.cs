using SelfReview.Contracts;

namespace SelfReview.Pipeline.Exports;

/// <summary>One column of the rectification list, as every exporter shows it.</summary>
/// <param name="Header">The header as users read it.</param>
/// <param name="Cell">The cell in full (XLSX, CSV).</param>
/// <param name="Width">XLSX width in Excel character units (the width of a digit; a Chinese character takes about two).</param>
/// <param name="Alignment">Cell alignment.</param>
/// <param name="Use">Where the column is shown.</param>
/// <param name="Brief">The short cell for the printed Word list and the Markdown summary; the full cell when null.</param>
/// <param name="MaxDocxChars">The widest the Word column grows, in Chinese characters, however long its cells.</param>
public sealed record RectificationColumn(
    string Header,
    Func<RectificationRow, string> Cell,
    double Width,
    ColumnAlignment Alignment,
    ColumnUse Use,
    Func<RectificationRow, string>? Brief = null,
    int MaxDocxChars = 20)
{
    public string BriefCell(RectificationRow row) => (Brief ?? Cell)(row);

    public bool Shows(ColumnUse use) => (Use & use) == use;
}
