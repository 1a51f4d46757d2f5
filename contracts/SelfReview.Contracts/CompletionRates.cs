namespace SelfReview.Contracts;

/// <summary>整改完成率: for the unit, by member (责任人) and by category. Withdrawn rows do not count.</summary>
public sealed record CompletionRates
{
    public required string UnitId { get; init; }

    public required CompletionRate Unit { get; init; }

    /// <summary>By owner: a common row counts for each of its owners.</summary>
    public IReadOnlyList<CompletionRate> ByMember { get; init; } = [];

    public IReadOnlyList<CompletionRate> ByCategory { get; init; } = [];
}

/// <summary>One completion rate: rows, completed rows (已完成 or 已销号), signed-off rows, percent.</summary>
public sealed record CompletionRate
{
    /// <summary>The member, the category label, or the unit's name.</summary>
    public required string Name { get; init; }

    public required int Rows { get; init; }

    public required int Completed { get; init; }

    public required int SignedOff { get; init; }

    /// <summary>Completed / rows × 100, one decimal; 0 when there are no rows.</summary>
    public required double Percent { get; init; }
}
