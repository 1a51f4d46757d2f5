namespace SelfReview.Contracts;

/// <summary>One problem, cause, measure or other enumerated item.</summary>
public sealed record StatementItem
{
    /// <summary>Unique within the record: <c>p1</c>, <c>c1</c>, <c>m1</c>, … by section kind and order.</summary>
    public required string Id { get; init; }

    /// <summary>The enumerator as written (一是, （二）, 1., ①), or null.</summary>
    public string? Label { get; init; }

    /// <summary>The heading of the aspect the item stands under, or null.</summary>
    public string? Aspect { get; init; }

    /// <summary>A short title: the clause after the enumerator, or the aspect for an aspect-only item.</summary>
    public required string Title { get; init; }

    /// <summary>The item's full text without its label.</summary>
    public required string Text { get; init; }

    /// <summary>Problems only: the canonical category.</summary>
    public Category? Category { get; init; }

    /// <summary>Measures: the deadline, when the measure names one; problems: the deadline the author labels right after the problem (整改时限：…), else null.</summary>
    public Deadline? Deadline { get; init; }

    /// <summary>Problems: the ids of the measures that answer it; measures: the problems it answers.</summary>
    public IReadOnlyList<string>? Links { get; init; }
}
