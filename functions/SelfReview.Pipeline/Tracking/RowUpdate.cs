using SelfReview.Contracts;

namespace SelfReview.Pipeline.Tracking;

/// <summary>The outcome of a change to a row's tracking.</summary>
public abstract record RowUpdate
{
    private RowUpdate()
    {
    }

    /// <summary>Written (or nothing to change); the row as it now reads, and its entity tag.</summary>
    public sealed record Updated(RectificationRow Row, RowTracking Tracking, string ETag, bool Changed) : RowUpdate;

    /// <summary>The caller's If-Match is not the row's current version (someone else changed it): nothing written.</summary>
    public sealed record Stale(string CurrentETag) : RowUpdate;

    /// <summary>No row of that id in the unit's list.</summary>
    public sealed record UnknownRow : RowUpdate;

    /// <summary>The row was withdrawn (已撤销): its history stays readable, it takes no more changes.</summary>
    public sealed record WithdrawnRow : RowUpdate;

    /// <summary>The change itself is not acceptable (the reason in Chinese).</summary>
    public sealed record Invalid(string Reason) : RowUpdate;

    /// <summary>Signing a row off (or reopening a signed-off one) needs the unit's administrator.</summary>
    public sealed record NeedsSignOffRight : RowUpdate;
}
