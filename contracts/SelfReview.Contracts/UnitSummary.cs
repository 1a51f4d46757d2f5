namespace SelfReview.Contracts;

/// <summary>The unit's summary, reported upward. Written to <c>reports/{unitId}/summary.json</c>.</summary>
public sealed record UnitSummary
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    /// <summary>Uploads seen, by status.</summary>
    public int Statements { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Failed { get; init; }

    public IReadOnlyList<MemberSummary> Members { get; init; } = [];

    public int Problems { get; init; }
    public int Causes { get; init; }
    public int Measures { get; init; }

    /// <summary>Problems per category code, every code present.</summary>
    public IReadOnlyDictionary<string, int> ProblemsByCategory { get; init; } = new Dictionary<string, int>();

    /// <summary>Problems written by several members (共性问题).</summary>
    public IReadOnlyList<CommonProblem> CommonProblems { get; init; } = [];

    /// <summary>Unit-level and per-statement material-review flags.</summary>
    public IReadOnlyList<UnitQualityFlag> Quality { get; init; } = [];

    /// <summary>A short summary in Chinese.</summary>
    public required string Text { get; init; }
}

/// <summary>One upload of the unit, as the summary lists it.</summary>
public sealed record MemberSummary
{
    public required string StatementId { get; init; }
    public required string FileName { get; init; }
    public required RecordStatus Status { get; init; }
    public StatementKind? StatementKind { get; init; }
    public string? Author { get; init; }
    public string? Position { get; init; }
    public int Problems { get; init; }
    public int Causes { get; init; }
    public int Measures { get; init; }
    public string? Reason { get; init; }
}

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

/// <summary>A pointer to an item of a statement record.</summary>
public sealed record ItemRef(string StatementId, string ItemId);

/// <summary>A material-review flag with the statement it belongs to (null for unit-wide flags).</summary>
public sealed record UnitQualityFlag(string? StatementId, string? FileName, QualityFlag Flag);
