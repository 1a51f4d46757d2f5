namespace SelfReview.Contracts;

/// <summary>
/// A rollup above the unit (汇总): the figures of every unit below <see cref="ParentId"/> (its children,
/// theirs, and so on), added up from each unit's summary and tracking summary, never from the records.
/// </summary>
public sealed record UnitRollup
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string ParentId { get; init; }

    /// <summary>The day overdue rows were counted for.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Every unit below the parent, in tree order (a unit before its children).</summary>
    public IReadOnlyList<RollupUnit> Units { get; init; } = [];

    /// <summary>Units below the parent that have no summary yet (counted as zero).</summary>
    public int UnitsWithoutSummary { get; init; }

    public int Statements { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Failed { get; init; }
    public int Members { get; init; }
    public int Problems { get; init; }
    public int Causes { get; init; }
    public int Measures { get; init; }

    /// <summary>Problems written by several members of one unit (共性问题), summed over the units.</summary>
    public int CommonProblems { get; init; }

    /// <summary>Problems per category code, every code present.</summary>
    public IReadOnlyDictionary<string, int> ProblemsByCategory { get; init; } = new Dictionary<string, int>();

    /// <summary>Rows of the units' lists (withdrawn rows not counted), completed, signed off, overdue, and the completion rate.</summary>
    public required RollupTracking Tracking { get; init; }

    /// <summary>整改完成率 and overdue rows per category.</summary>
    public IReadOnlyList<RollupCategory> ByCategory { get; init; } = [];

    /// <summary>Problems that appear in several units (跨单位共性问题), most units first.</summary>
    public IReadOnlyList<CrossUnitProblem> CrossUnitProblems { get; init; } = [];

    /// <summary>Parent links that lead back to a unit already in the tree (ignored, so the rollup ends).</summary>
    public IReadOnlyList<string> Cycles { get; init; } = [];
}

/// <summary>One unit's line in the rollup.</summary>
public sealed record RollupUnit
{
    public required string UnitId { get; init; }

    public string? UnitName { get; init; }

    public required string Parent { get; init; }

    /// <summary>1 for a child of the rollup's parent, 2 for a grandchild …</summary>
    public required int Depth { get; init; }

    public bool HasSummary { get; init; }

    public int Statements { get; init; }
    public int Accepted { get; init; }
    public int Problems { get; init; }
    public int CommonProblems { get; init; }

    public required RollupTracking Tracking { get; init; }
}

/// <summary>Rows, completed (已完成 or 已销号), signed off (已销号), overdue (open, due date passed) and the completion rate.</summary>
public sealed record RollupTracking
{
    public int Rows { get; init; }
    public int Completed { get; init; }
    public int SignedOff { get; init; }
    public int Overdue { get; init; }

    /// <summary>Completed / rows × 100, one decimal; 0 when there are no rows.</summary>
    public double Percent { get; init; }
}

/// <summary>Problems and rows of one category over the units.</summary>
public sealed record RollupCategory
{
    public required CategoryCode Category { get; init; }
    public required string CategoryLabel { get; init; }
    public int Problems { get; init; }
    public required RollupTracking Tracking { get; init; }
}

/// <summary>A problem found in several units' lists (the same or nearly the same wording).</summary>
public sealed record CrossUnitProblem
{
    public required string Id { get; init; }
    public required CategoryCode Category { get; init; }
    public required string CategoryLabel { get; init; }

    /// <summary>The representative wording.</summary>
    public required string Title { get; init; }

    /// <summary>The units whose lists hold it, sorted.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>Members who wrote it, over those units.</summary>
    public int Members { get; init; }
}
