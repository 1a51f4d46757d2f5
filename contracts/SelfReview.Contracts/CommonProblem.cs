namespace SelfReview.Contracts;

/// <summary>A problem that several members wrote (共性问题).</summary>
public sealed record CommonProblem
{
    public required string Id { get; init; }
    public required CategoryCode Category { get; init; }
    public required string CategoryLabel { get; init; }

    /// <summary>The representative wording.</summary>
    public required string Title { get; init; }

    /// <summary>Every owner, in list order.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    public IReadOnlyList<ItemRef> Items { get; init; } = [];
}
