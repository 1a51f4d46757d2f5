namespace SelfReview.Pipeline.Tracking;

/// <summary>A change to one row's tracking: any of a status, a progress note, corrected owners.</summary>
/// <param name="Status">完成情况 to set, or null to keep it.</param>
/// <param name="Note">A progress note (整改进展) to add, or null.</param>
/// <param name="Owners">责任人 as corrected, or null to keep them.</param>
public sealed record RowChange(string? Status, string? Note, IReadOnlyList<string>? Owners = null);
