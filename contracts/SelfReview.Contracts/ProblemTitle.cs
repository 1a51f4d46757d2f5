namespace SelfReview.Contracts;

/// <summary>One problem of the unit's list as a title: a row of the rectification list, for comparing units without reading their records.</summary>
public sealed record ProblemTitle
{
    /// <summary>The row's problem title (a common problem's representative wording).</summary>
    public required string Title { get; init; }

    public required CategoryCode Category { get; init; }

    /// <summary>Members who wrote it (1 unless it is a common problem).</summary>
    public required int Members { get; init; }
}
