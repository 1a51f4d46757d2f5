namespace SelfReview.Contracts;

/// <summary>Last year's list of the unit, uploaded for 回头看 and stored at <c>tracking/{unitId}/last-year.json</c>.</summary>
public sealed record LastYearList
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    public string? SourceFileName { get; init; }

    public DateTimeOffset? ImportedAt { get; init; }

    public IReadOnlyList<PriorRow> Rows { get; init; } = [];
}
