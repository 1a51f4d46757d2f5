namespace SelfReview.Pipeline.Rollups;

/// <summary>A unit below a rollup's parent: its parent and its depth (1: a child).</summary>
public sealed record HierarchyNode(string UnitId, string Parent, int Depth);
