namespace SelfReview.Api;

/// <summary>The health endpoint's answer.</summary>
public sealed record HealthReport(string Status, string EngineVersion);
