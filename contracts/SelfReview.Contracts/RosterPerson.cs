namespace SelfReview.Contracts;

/// <summary>One person of a unit's roster (名册): a row of the office's 姓名 / 职务 / 分管领域 sheet.</summary>
public sealed record RosterPerson
{
    /// <summary>姓名.</summary>
    public required string Name { get; init; }

    /// <summary>职务.</summary>
    public string? Position { get; init; }

    /// <summary>分管领域 as written (several areas separated by 、，; or spaces).</summary>
    public string? Areas { get; init; }

    /// <summary>文件名: the names (or stems) of the files this person handed in, when the office listed them.</summary>
    public IReadOnlyList<string> FileNames { get; init; } = [];
}
