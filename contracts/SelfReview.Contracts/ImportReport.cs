namespace SelfReview.Contracts;

/// <summary>What importing an edited XLSX list did: the changes made by rowId, and what was refused and why (in Chinese).</summary>
public sealed record ImportReport
{
    public required string UnitId { get; init; }

    /// <summary>One sentence for the office: how many rows changed and how many lines were refused.</summary>
    public required string Message { get; init; }

    public IReadOnlyList<ImportChange> Changed { get; init; } = [];

    public IReadOnlyList<ImportRefusal> Refused { get; init; } = [];
}

/// <summary>One field of one row changed by the import.</summary>
/// <param name="RowId">The row.</param>
/// <param name="Number">Its 序号.</param>
/// <param name="Field">完成情况, 整改进展 or 责任人.</param>
/// <param name="From">The value before.</param>
/// <param name="To">The value after.</param>
public sealed record ImportChange(string RowId, int Number, string Field, string? From, string To);

/// <summary>One spreadsheet line (or cell) the import refused.</summary>
/// <param name="Line">The spreadsheet line number (as Excel shows it).</param>
/// <param name="RowId">The rowId found on the line, when there was one.</param>
/// <param name="Reason">Why, in Chinese.</param>
public sealed record ImportRefusal(int Line, string? RowId, string Reason);
