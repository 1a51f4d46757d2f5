namespace SelfReview.Contracts;

/// <summary>A material-review (材料审核) flag, with the evidence a reviewer needs.</summary>
public sealed record QualityFlag
{
    /// <summary>A stable code: <c>web_leftover</c>, <c>placeholder</c>, <c>missing_section</c>, <c>cause_restates_problem</c>, <c>vague_measure</c>, <c>problem_without_measure</c>, <c>copied_text</c>, …</summary>
    public required string Code { get; init; }

    public FlagSeverity Severity { get; init; } = FlagSeverity.Warning;

    /// <summary>What is wrong, in Chinese.</summary>
    public required string Message { get; init; }

    /// <summary>The item ids concerned, if any.</summary>
    public IReadOnlyList<string> ItemIds { get; init; } = [];

    /// <summary>Short excerpts that show the problem.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
