namespace SelfReview.Contracts;

/// <summary>A pointer to an item of a statement record.</summary>
public sealed record ItemRef(string StatementId, string ItemId);
