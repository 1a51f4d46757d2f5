namespace SelfReview.Contracts;

/// <summary>One owner (责任人) of a row: the person, their 职务 when the roster gives it, the statement they own it by, and how they were found.</summary>
public sealed record RowOwner(string Name, string? Position, string StatementId, OwnerMatch MatchedBy);
