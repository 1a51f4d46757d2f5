namespace SelfReview.Api;

/// <summary>The report files of a unit.</summary>
public sealed record ReportList(string UnitId, IReadOnlyList<ReportListItem> Files);
