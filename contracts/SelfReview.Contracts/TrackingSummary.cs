namespace SelfReview.Contracts;

/// <summary>
/// The unit's tracking in one small document, <c>tracking/{unitId}/summary.json</c>: each row's category,
/// status and due date. Rewritten when consolidation publishes the list and when a row's tracking
/// changes, so rollups count overdue and completed rows per unit without reading every row's document.
/// </summary>
public sealed record TrackingSummary
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    /// <summary>The rows by 序号, withdrawn ones included.</summary>
    public IReadOnlyList<TrackedRowStatus> Rows { get; init; } = [];
}

/// <summary>One row of <see cref="TrackingSummary"/>.</summary>
public sealed record TrackedRowStatus
{
    public required string RowId { get; init; }

    public required CategoryCode Category { get; init; }

    /// <summary>完成情况 as tracked (未完成 until someone changes it).</summary>
    public required string Status { get; init; }

    /// <summary>The due date of 整改时限, when it is a date.</summary>
    public DateOnly? DueDate { get; init; }

    public bool Withdrawn { get; init; }
}
