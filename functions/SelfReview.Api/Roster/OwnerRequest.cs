namespace SelfReview.Api.Roster;

/// <summary>The body of <c>PUT …/roster/owners/{statementId}</c>: the roster person who owns the statement (null or empty: remove the tie).</summary>
public sealed record OwnerRequest(string? Person);
