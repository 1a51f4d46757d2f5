namespace SelfReview.Contracts;

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

    /// <summary>The statement that replaces this one (the same text or a later version of it), when this upload is a duplicate; its problems are not counted.</summary>
    public string? SupersededBy { get; init; }
}
