using SelfReview.Contracts;

namespace SelfReview.Pipeline.Roster;

/// <summary>One statement of the unit and the owner it gets: the row of the roster page's matching table.</summary>
/// <param name="StatementId">The statement.</param>
/// <param name="FileName">Its upload's name.</param>
/// <param name="Author">The author the parser found, if any.</param>
/// <param name="Owner">The owner the list shows.</param>
/// <param name="Position">The owner's 职务, when known.</param>
/// <param name="MatchedBy">How the owner was found.</param>
public sealed record StatementOwner(string StatementId, string FileName, string? Author, string Owner, string? Position, OwnerMatch MatchedBy);
