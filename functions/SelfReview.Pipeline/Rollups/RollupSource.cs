using SelfReview.Contracts;

namespace SelfReview.Pipeline.Rollups;

/// <summary>What a rollup reads of one unit: where it sits, its summary's figures and its tracking summary (either may be missing).</summary>
public sealed record RollupSource(HierarchyNode Node, UnitFigures? Summary, TrackingSummary? Tracking);
