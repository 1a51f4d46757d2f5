namespace SelfReview.Pipeline.Storage;

/// <summary>
/// When a conditional write may go ahead (RFC 9110 §13.1): always, only if nothing exists yet
/// (If-None-Match: *), or only if the current version still has a known entity tag (If-Match).
/// </summary>
public sealed record WriteCondition
{
    private WriteCondition(string? ifMatch, bool ifAbsent)
    {
        IfMatchETag = ifMatch;
        IfAbsent = ifAbsent;
    }

    public static WriteCondition Always { get; } = new(null, false);

    public static WriteCondition IfNoneExists { get; } = new(null, true);

    /// <summary>The entity tag the current version must have, or null.</summary>
    public string? IfMatchETag { get; }

    /// <summary>Whether the write requires that nothing exists yet.</summary>
    public bool IfAbsent { get; }

    public static WriteCondition IfMatch(string eTag) => new(eTag, false);

    /// <summary>If-Match when a version is known, else If-None-Match: *.</summary>
    public static WriteCondition Expecting(string? eTag) => eTag is null ? IfNoneExists : IfMatch(eTag);

    /// <summary>Whether a write may go ahead given the entity tag of the current version (null when none exists).</summary>
    public bool Holds(string? currentETag) =>
        IfAbsent ? currentETag is null : IfMatchETag is null || string.Equals(IfMatchETag, currentETag, StringComparison.Ordinal);
}
