namespace SelfReview.Api;

/// <summary>The body of <c>PUT /api/units/{unitId}</c>: the unit's parent (上级单位), or null to clear it.</summary>
public sealed record UnitParentRequest(string? Parent);
