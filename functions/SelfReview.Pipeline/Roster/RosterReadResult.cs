using SelfReview.Contracts;

namespace SelfReview.Pipeline.Roster;

/// <summary>What reading an uploaded roster gave: its people, or why the file was refused.</summary>
public abstract record RosterReadResult
{
    private RosterReadResult()
    {
    }

    /// <summary>The people of the roster, in the order of the sheet.</summary>
    public sealed record Read(IReadOnlyList<RosterPerson> People) : RosterReadResult;

    /// <summary>The file is not a usable roster; <paramref name="Reason"/> is Chinese and names the file (and the row).</summary>
    public sealed record Rejected(string Reason) : RosterReadResult;
}
