namespace SelfReview.Pipeline.Roster;

/// <summary>What a change of a unit's roster, owners or last year's list came to.</summary>
public abstract record RosterOutcome
{
    private RosterOutcome()
    {
    }

    /// <summary>Stored; consolidation was asked for. <paramref name="View"/> is the roster as it now applies.</summary>
    public sealed record Stored(RosterView View) : RosterOutcome;

    /// <summary>Last year's list stored, with its row count.</summary>
    public sealed record LastYearStored(int Rows) : RosterOutcome;

    /// <summary>The file or request is not usable: a Chinese reason naming the file (and row).</summary>
    public sealed record Invalid(string Code, string Reason) : RosterOutcome;

    /// <summary>The roster changed since the caller read it (If-Match did not hold).</summary>
    public sealed record Stale(string Reason) : RosterOutcome;

    /// <summary>The statement or person named does not exist.</summary>
    public sealed record NotFound(string Code, string Reason) : RosterOutcome;
}
