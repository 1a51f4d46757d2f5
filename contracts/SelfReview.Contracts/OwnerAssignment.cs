namespace SelfReview.Contracts;

/// <summary>A statement tied to a roster person by hand on the page: it wins over every automatic match.</summary>
public sealed record OwnerAssignment(string StatementId, string Person);
