namespace SelfReview.Contracts;

/// <summary>
/// What people say about a unit beyond its statements: <c>tracking/{unitId}/unit.json</c>. Its parent unit
/// (a county office above a bureau, a bureau above its branches) places it in the rollups above the unit.
/// </summary>
public sealed record UnitProfile
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    /// <summary>The unit above this one (上级单位), whose rollup includes this unit; null at the top.</summary>
    public string? Parent { get; init; }
}
