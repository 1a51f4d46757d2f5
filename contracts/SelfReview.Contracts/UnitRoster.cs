namespace SelfReview.Contracts;

/// <summary>
/// A unit's roster (名册) and the owners set by hand, stored at <c>tracking/{unitId}/roster.json</c>:
/// written by people, never derived. Consolidation takes 责任人, 职务 and 牵头领导 from it.
/// </summary>
public sealed record UnitRoster
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    /// <summary>The file the roster was imported from, as uploaded (null before any import).</summary>
    public string? SourceFileName { get; init; }

    /// <summary>When the roster was imported.</summary>
    public DateTimeOffset? ImportedAt { get; init; }

    public IReadOnlyList<RosterPerson> People { get; init; } = [];

    /// <summary>Statements tied to a person by hand; kept when a new roster is imported.</summary>
    public IReadOnlyList<OwnerAssignment> Assignments { get; init; } = [];
}
