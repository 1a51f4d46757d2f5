namespace SelfReview.Contracts;

/// <summary>The unit's summary, reported upward. Written to <c>reports/{unitId}/summary.json</c>.</summary>
public sealed record UnitSummary
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    /// <summary>The unit's display name; the unit id when no name is configured.</summary>
    public string? UnitName { get; init; }

    /// <summary>The meeting the statements were written for (民主生活会 / 组织生活会).</summary>
    public string? MeetingName { get; init; }

    /// <summary>The meeting date, when the office gave it.</summary>
    public DateOnly? MeetingDate { get; init; }

    /// <summary>The meeting year the statements name most often (the 年度 of the meeting), when any does.</summary>
    public int? MeetingYear { get; init; }

    /// <summary>Uploads seen, by status.</summary>
    public int Statements { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Failed { get; init; }

    /// <summary>Accepted uploads that repeat another (the same text, or an earlier version of the same member's statement): counted once.</summary>
    public int Superseded { get; init; }

    public IReadOnlyList<MemberSummary> Members { get; init; } = [];

    public int Problems { get; init; }
    public int Causes { get; init; }
    public int Measures { get; init; }

    /// <summary>Problems per category code, every code present.</summary>
    public IReadOnlyDictionary<string, int> ProblemsByCategory { get; init; } = new Dictionary<string, int>();

    /// <summary>Problems written by several members (共性问题).</summary>
    public IReadOnlyList<CommonProblem> CommonProblems { get; init; } = [];

    /// <summary>Every problem of the unit's list by its title (one per row: a common problem once), for rollups above the unit.</summary>
    public IReadOnlyList<ProblemTitle> ProblemTitles { get; init; } = [];

    /// <summary>Unit-level and per-statement material-review flags.</summary>
    public IReadOnlyList<UnitQualityFlag> Quality { get; init; } = [];

    /// <summary>A short summary in Chinese.</summary>
    public required string Text { get; init; }
}
