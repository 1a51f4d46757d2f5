using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api.Access;

/// <summary>The units a caller sees: those in the store it may read, and those granted to it by name that have no upload yet.</summary>
public static class CallerUnits
{
    public static async Task<IReadOnlyList<string>> UnitsOfAsync(CallerIdentity caller, AccessMap map, IStatementStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(store);
        var granted = map.Grants.Where(g => caller.Principals.Contains(g.Principal)).SelectMany(g => g.Units).Where(StorageLayout.IsValidUnitId);
        var all = (await store.ListUnitsAsync(cancellationToken)).Concat(granted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return UnitAccessPolicy.VisibleUnits(caller, map, all);
    }
}
