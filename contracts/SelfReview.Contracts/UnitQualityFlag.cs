namespace SelfReview.Contracts;

/// <summary>A material-review flag with the statement it belongs to (null for unit-wide flags).</summary>
public sealed record UnitQualityFlag(string? StatementId, string? FileName, QualityFlag Flag);
