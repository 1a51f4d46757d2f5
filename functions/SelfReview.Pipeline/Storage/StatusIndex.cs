namespace SelfReview.Pipeline.Storage;

/// <summary>
/// A unit's status index (<c>records/{unitId}/_index/status.json</c>): one <see cref="StatusIndexEntry"/>
/// per record, so the status listing reads one small document instead of every record. Derived from the
/// records (rebuilt from them when missing or unreadable), so it is never a source of truth.
/// </summary>
/// <param name="Entries">The records' entries, sorted by statement id.</param>
public sealed record StatusIndex(IReadOnlyList<StatusIndexEntry> Entries)
{
    /// <summary>Bumped when the entries change shape: an index of another version is rebuilt.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
}
