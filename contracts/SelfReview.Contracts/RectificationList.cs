namespace SelfReview.Contracts;

/// <summary>
/// The unit's consolidated rectification list (整改清单 / 整改台账).
/// Written to <c>reports/{unitId}/rectifications.json|csv|xlsx|docx</c>.
/// Deterministic: the same records give the same list, row for row.
/// </summary>
public sealed record RectificationList
{
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    public required string UnitId { get; init; }

    /// <summary>The list's title as printed (某单位民主生活会问题整改清单).</summary>
    public required string Title { get; init; }

    /// <summary>The unit's display name (填报单位), as printed in the 落款; the unit id when no name is configured.</summary>
    public string? UnitName { get; init; }

    /// <summary>The meeting date, when the office gave it: the 落款 date of the printed list.</summary>
    public DateOnly? MeetingDate { get; init; }

    public IReadOnlyList<RectificationRow> Rows { get; init; } = [];
}

/// <summary>One problem to fix.</summary>
public sealed record RectificationRow
{
    /// <summary>
    /// The row's stable identity (<c>r</c> + 12 hex digits): derived from the problem items behind the row
    /// when it first appeared, then kept for as long as the row exists, across re-consolidation (more
    /// uploads, a re-upload, a new engine version). Tracking data (<c>tracking/{unitId}/rows/{rowId}.json</c>)
    /// is joined to the row by it. Empty only in lists written before row identities existed.
    /// </summary>
    public string RowId { get; init; } = string.Empty;

    /// <summary>序号, from 1: kept for a row that still exists when the unit is consolidated again; new rows are appended.</summary>
    public required int Number { get; init; }

    /// <summary>问题类别 (code).</summary>
    public required CategoryCode Category { get; init; }

    /// <summary>问题类别 (label).</summary>
    public required string CategoryLabel { get; init; }

    /// <summary>问题表现: the problem in full (a common problem: its title and the members' wording).</summary>
    public required string Problem { get; init; }

    /// <summary>The problem's short title (no enumerator, never cut mid-sentence): what printed lists show first.</summary>
    public string? ProblemTitle { get; init; }

    /// <summary>问题来源: 自己查摆 / 相互批评 / 群众意见 / 上级点评.</summary>
    public string Source { get; init; } = "自己查摆";

    /// <summary>整改措施: the measures that answer the problem, one line per member.</summary>
    public required string Measures { get; init; }

    /// <summary>责任人: every owner (several for a common problem).</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>整改时限 as printed (a date, 立行立改, 长期坚持).</summary>
    public required string Deadline { get; init; }

    /// <summary>The date behind <see cref="Deadline"/>, when there is one.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Whether the deadline came from the measure itself (false: the unit default).</summary>
    public bool DeadlineFromMeasure { get; init; }

    /// <summary>完成情况: 未完成 / 推进中 / 已完成 / 已销号 (from the row's tracking data), 已撤销 for a withdrawn row.</summary>
    public string Status { get; init; } = "未完成";

    /// <summary>
    /// True when the row no longer comes out of the unit's statements (a statement replaced, a problem
    /// merged into another row): it stays in the list, marked 已撤销, with its tracking history.
    /// </summary>
    public bool Withdrawn { get; init; }

    /// <summary>整改进展: the latest progress note, when someone recorded one.</summary>
    public string? LatestProgress { get; init; }

    /// <summary>When the latest progress note was recorded.</summary>
    public DateTimeOffset? LatestProgressAt { get; init; }

    /// <summary>销号 date: when the row was signed off.</summary>
    public DateOnly? SignedOffOn { get; init; }

    /// <summary>Who signed the row off (销号人).</summary>
    public string? SignedOffBy { get; init; }

    /// <summary>How many evidence files (佐证材料) the row holds.</summary>
    public int EvidenceCount { get; init; }

    /// <summary>True for a common problem (共性问题) written by several members.</summary>
    public bool Common { get; init; }

    /// <summary>The problem items behind the row.</summary>
    public IReadOnlyList<ItemRef> Problems { get; init; } = [];

    /// <summary>The measure items behind the row.</summary>
    public IReadOnlyList<ItemRef> MeasureItems { get; init; } = [];

    /// <summary>责任人 with 职务 and how each was found (from the unit's roster, by hand, or the parser's author), one per statement.</summary>
    public IReadOnlyList<RowOwner> OwnerDetails { get; init; } = [];

    /// <summary>牵头领导 of a common problem: the roster person whose 分管领域 covers the category; null to fill in by hand.</summary>
    public string? Lead { get; init; }

    /// <summary>回头看: last year's row of the unit with the same problem, when there is one.</summary>
    public PriorListing? LastYear { get; init; }
}
