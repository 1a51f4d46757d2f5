using SelfReview.Pipeline.Storage;

namespace SelfReview.Pipeline.Rollups;

/// <summary>The units below a parent and the loops met on the way (<see cref="UnitHierarchy.ReadAsync"/>).</summary>
public sealed record UnitHierarchy(string ParentId, IReadOnlyList<HierarchyNode> Nodes, IReadOnlyList<string> Cycles)
{
    /// <summary>Profiles read at once.</summary>
    private const int ReadParallelism = 16;

    /// <summary>
    /// Every unit below <paramref name="parentId"/>, a unit before its children (children by id). The profiles of
    /// the store's units are read, and those of units named as parents that have no uploads of their own (a
    /// county office above townships above villages), so intermediate levels are found too. Each unit has one
    /// parent, so the walk can only come back to a unit already taken through a loop of parent links
    /// through the parent itself: such a link is reported in <see cref="Cycles"/> and not followed.
    /// </summary>
    public static async Task<UnitHierarchy> ReadAsync(IStatementStore store, string parentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var profiles = new UnitProfileStore(store);
        var parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        var pending = (await store.ListUnitsAsync(cancellationToken)).ToList();
        while (pending.Count > 0)
        {
            var read = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (unit, ct) =>
                read[unit] = (await profiles.GetAsync(unit, ct))?.Parent);
            foreach (var (unit, parent) in read)
            {
                parentOf[unit] = parent;
            }

            // Parents named but not yet read (no uploads of their own): read next, once each.
            pending = [.. read.Values.OfType<string>().Where(p => !parentOf.ContainsKey(p) && StorageLayout.IsValidUnitId(p)).Distinct(StringComparer.Ordinal)];
        }

        var children = parentOf.Where(kv => kv.Value is not null).GroupBy(kv => kv.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var nodes = new List<HierarchyNode>();
        var cycles = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { parentId };
        var stack = new Stack<HierarchyNode>();
        foreach (var child in Enumerable.Reverse(children.GetValueOrDefault(parentId) ?? []))
        {
            stack.Push(new HierarchyNode(child, parentId, 1));
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!taken.Add(node.UnitId))
            {
                cycles.Add(node.UnitId + " → " + node.Parent);
                continue;
            }

            nodes.Add(node);
            foreach (var child in Enumerable.Reverse(children.GetValueOrDefault(node.UnitId) ?? []))
            {
                stack.Push(new HierarchyNode(child, node.UnitId, node.Depth + 1));
            }
        }

        return new UnitHierarchy(parentId, nodes, cycles);
    }
}
