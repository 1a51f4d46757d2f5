namespace SelfReview.Contracts;

/// <summary>
/// What people record about one row of the rectification list after it exists (整改台账):
/// <c>tracking/{unitId}/rows/{rowId}.json</c>. Written by people, never derived, never rebuilt; merged
/// into the list when it is read or exported.
/// </summary>
public sealed record RowTracking
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    public required string RowId { get; init; }

    /// <summary>完成情况: one of <see cref="TrackingStatuses.All"/>.</summary>
    public string Status { get; init; } = TrackingStatuses.NotStarted;

    /// <summary>整改进展: dated progress notes, oldest first (status changes are logged here too).</summary>
    public IReadOnlyList<ProgressEntry> Progress { get; init; } = [];

    /// <summary>佐证材料: the evidence files, in the order they were added.</summary>
    public IReadOnlyList<EvidenceFile> Evidence { get; init; } = [];

    /// <summary>销号 date, set when the status becomes 已销号 (cleared when it leaves it).</summary>
    public DateOnly? SignedOffOn { get; init; }

    /// <summary>Who signed the row off.</summary>
    public string? SignedOffBy { get; init; }

    /// <summary>责任人 as corrected by the office (from the page or an edited XLSX); null keeps the list's owners.</summary>
    public IReadOnlyList<string>? Owners { get; init; }
}
