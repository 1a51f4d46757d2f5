namespace SelfReview.Pipeline.Access;

/// <summary>
/// The one rule of who may do what in which unit, for every host: administrators (by the map or by the
/// identity provider's administrator role) may do everything; anyone else has the highest right any of
/// their principals is granted on the unit, capped by <see cref="CallerIdentity.MaxRight"/>.
/// </summary>
public static class UnitAccessPolicy
{
    public static bool IsAdministrator(CallerIdentity caller, AccessMap map)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(map);
        return caller.MaxRight is null && (caller.Administrator || caller.Principals.Any(p => map.Administrators.Contains(p)));
    }

    /// <summary>The caller's right on the unit, or null when it has none.</summary>
    public static AccessRight? RightOn(CallerIdentity caller, AccessMap map, string unitId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(map);
        AccessRight? right = IsAdministrator(caller, map) ? AccessRight.Administer : null;
        foreach (var grant in map.Grants)
        {
            if (grant.Covers(unitId) && caller.Principals.Contains(grant.Principal) && (right is null || grant.Right > right))
            {
                right = grant.Right;
            }
        }

        return right is { } r && caller.MaxRight is { } cap && r > cap ? cap : right;
    }

    /// <summary>Whether the caller may act with <paramref name="needed"/> on the unit; null caller = no credential.</summary>
    public static AccessDecision Decide(CallerIdentity? caller, AccessMap map, string unitId, AccessRight needed)
    {
        if (caller is null)
        {
            return AccessDecision.Unauthenticated;
        }

        return RightOn(caller, map, unitId) is { } right && right >= needed ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>The units of <paramref name="units"/> the caller may read.</summary>
    public static IReadOnlyList<string> VisibleUnits(CallerIdentity caller, AccessMap map, IEnumerable<string> units) =>
        [.. units.Where(u => RightOn(caller, map, u) is not null)];
}
