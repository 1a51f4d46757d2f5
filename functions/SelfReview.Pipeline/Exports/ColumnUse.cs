namespace SelfReview.Pipeline.Exports;

/// <summary>Where a column of the rectification list is shown.</summary>
[Flags]
public enum ColumnUse
{
    None = 0,
    Xlsx = 1,
    Docx = 2,
    Csv = 4,
    Markdown = 8,

    /// <summary>In the XLSX print area (what an office prints); an XLSX column without it is hidden.</summary>
    Printed = 16,
}
