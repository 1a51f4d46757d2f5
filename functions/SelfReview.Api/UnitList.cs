namespace SelfReview.Api;

/// <summary>The units that have uploads or records.</summary>
public sealed record UnitList(IReadOnlyList<string> Units);
