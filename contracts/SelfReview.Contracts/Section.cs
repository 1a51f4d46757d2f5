namespace SelfReview.Contracts;

/// <summary>One section of a statement.</summary>
public sealed record Section
{
    public required SectionKind Kind { get; init; }

    /// <summary>The heading as written (without its enumerator), or null for an unheaded section.</summary>
    public string? Heading { get; init; }

    public IReadOnlyList<StatementItem> Items { get; init; } = [];
}
