using SelfReview.Contracts;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>What consolidation derives from a unit's records.</summary>
public sealed record UnitReport(UnitSummary Summary, RectificationList Rectifications);
