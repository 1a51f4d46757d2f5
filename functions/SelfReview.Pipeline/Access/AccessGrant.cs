namespace SelfReview.Pipeline.Access;

/// <summary>
/// One line of the unit-access map: a principal (<c>user:NAME</c>, <c>key:NAME</c>, <c>entra:OBJECT-ID</c>,
/// <c>group:OBJECT-ID</c>) and the units it may reach with one right. <c>*</c> in <paramref name="Units"/> means every unit.
/// </summary>
public sealed record AccessGrant(string Principal, IReadOnlyList<string> Units, AccessRight Right)
{
    public const string AllUnits = "*";

    public bool Covers(string unitId) => Units.Any(u => u == AllUnits || string.Equals(u, unitId, StringComparison.Ordinal));
}
