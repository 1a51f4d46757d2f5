using SelfReview.Contracts;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>A problem of the unit with where it came from.</summary>
internal sealed record ProblemRef(int StatementIndex, StatementRecord Record, StatementItem Item, string Owner, RowOwner? OwnerDetail = null)
{
    public ItemRef Ref => new(Record.StatementId, Item.Id);
}
