namespace SelfReview.Contracts;

/// <summary>A row of last year's list of the unit (回头看), as kept at <c>tracking/{unitId}/last-year.json</c>.</summary>
public sealed record PriorRow
{
    /// <summary>Last year's 序号 (0 when the problem came from a statement's 上年度整改落实情况 section).</summary>
    public int Number { get; init; }

    /// <summary>问题表现 as last year's list wrote it.</summary>
    public required string Problem { get; init; }

    /// <summary>完成情况 last year (已完成, 未完成 …), when known.</summary>
    public string? Status { get; init; }
}
