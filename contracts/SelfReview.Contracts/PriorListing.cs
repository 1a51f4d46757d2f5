namespace SelfReview.Contracts;

/// <summary>
/// A row's problem found on last year's list (回头看: 年年提、年年改、年年有): last year's row beside this
/// year's, and how alike the two problems are.
/// </summary>
public sealed record PriorListing
{
    public required PriorRow Row { get; init; }

    /// <summary>Where last year's row came from: 上年度整改清单 (the uploaded list) or 上年度整改落实情况 (a statement's own section).</summary>
    public required string Source { get; init; }

    /// <summary>Bigram similarity of the two problems (0–1).</summary>
    public double Similarity { get; init; }
}
