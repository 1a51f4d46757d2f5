namespace SelfReview.Contracts;

/// <summary>
/// Every row a unit's list ever had: <c>tracking/{unitId}/rows.json</c>. Consolidation reads it to give a
/// recomputed row the identity and 序号 it had before, and adds the rows that disappeared as withdrawn,
/// so the list never loses a row that someone has tracked. Kept with the tracking data because reports
/// may be rebuilt at any time; this may not.
/// </summary>
public sealed record RowRegistry
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    /// <summary>The rows by 序号.</summary>
    public IReadOnlyList<RegisteredRow> Rows { get; init; } = [];
}

/// <summary>One row of the registry: its identity, its 序号, and the row as last computed.</summary>
public sealed record RegisteredRow
{
    public required string RowId { get; init; }

    public required int Number { get; init; }

    /// <summary>The row as the last consolidation that produced it computed it (shown as is once withdrawn).</summary>
    public required RectificationRow Row { get; init; }

    /// <summary>When a consolidation first no longer produced the row; null while it exists.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
}
