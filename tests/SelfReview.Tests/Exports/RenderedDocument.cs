namespace SelfReview.Tests.Exports;

/// <summary>An export as LibreOffice printed it: the PDF, its pages as PNGs, and its text.</summary>
public sealed record RenderedDocument(string PdfPath, int Pages, string Text, IReadOnlyList<string> PagePngs)
{
    /// <summary>The text without any white space: pdftotext breaks lines inside words and cells.</summary>
    public string Compact => string.Concat(Text.Where(c => !char.IsWhiteSpace(c)));
}
