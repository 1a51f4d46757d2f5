using SelfReview.Contracts;

namespace SelfReview.Pipeline.Rollups;

/// <summary>What setting a unit's parent did.</summary>
public abstract record ParentOutcome
{
    private ParentOutcome()
    {
    }

    /// <summary>The profile as written.</summary>
    public sealed record Changed(UnitProfile Profile) : ParentOutcome;

    /// <summary>Not written, with the reason in Chinese.</summary>
    public sealed record Refused(string Reason) : ParentOutcome;
}
