namespace SelfReview.Contracts;

/// <summary>One dated entry of a row's progress log: a note, a status change, or both.</summary>
public sealed record ProgressEntry
{
    public required DateTimeOffset At { get; init; }

    /// <summary>Who recorded it (the caller's display name or principal).</summary>
    public required string By { get; init; }

    /// <summary>The note (整改进展), when one was given.</summary>
    public string? Note { get; init; }

    /// <summary>The status set by this entry, when it changed.</summary>
    public string? Status { get; init; }
}
