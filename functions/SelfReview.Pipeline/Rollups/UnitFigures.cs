using SelfReview.Contracts;

namespace SelfReview.Pipeline.Rollups;

/// <summary>What a rollup takes of a unit summary: its counts, problems per category and one title per row.</summary>
public sealed record UnitFigures
{
    public required string UnitId { get; init; }
    public string? UnitName { get; init; }
    public int Statements { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Failed { get; init; }
    public int Members { get; init; }
    public int Problems { get; init; }
    public int Causes { get; init; }
    public int Measures { get; init; }
    public IReadOnlyDictionary<string, int> ProblemsByCategory { get; init; } = new Dictionary<string, int>();
    public int CommonProblems { get; init; }
    public IReadOnlyList<ProblemTitle> ProblemTitles { get; init; } = [];

    public static UnitFigures Of(UnitSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new UnitFigures
        {
            UnitId = summary.UnitId,
            UnitName = summary.UnitName,
            Statements = summary.Statements,
            Accepted = summary.Accepted,
            Rejected = summary.Rejected,
            Failed = summary.Failed,
            Members = summary.Members.Count,
            Problems = summary.Problems,
            Causes = summary.Causes,
            Measures = summary.Measures,
            ProblemsByCategory = summary.ProblemsByCategory,
            CommonProblems = summary.CommonProblems.Count,
            ProblemTitles = summary.ProblemTitles,
        };
    }
}
