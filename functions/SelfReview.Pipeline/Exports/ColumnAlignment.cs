namespace SelfReview.Pipeline.Exports;

/// <summary>How a column's cells are aligned.</summary>
public enum ColumnAlignment
{
    Left,
    Center,
}
