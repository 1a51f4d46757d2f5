namespace SelfReview.Api;

/// <summary>The body of <c>PATCH …/rectifications/{rowId}</c>: either or both fields.</summary>
/// <param name="Status">完成情况: 未完成 / 推进中 / 已完成 / 已销号.</param>
/// <param name="Note">A progress note (整改进展) to add to the row's log.</param>
public sealed record TrackingPatch(string? Status, string? Note);
