namespace SelfReview.Pipeline.Storage;

/// <summary>The names of the tracking documents under <c>tracking/{unitId}/</c> that consolidation reads.</summary>
public static class TrackingNames
{
    /// <summary>The roster (名册) with the owners set by hand (<see cref="SelfReview.Contracts.UnitRoster"/>).</summary>
    public const string Roster = "roster.json";

    /// <summary>Last year's list for 回头看 (<see cref="SelfReview.Contracts.LastYearList"/>).</summary>
    public const string LastYear = "last-year.json";
}
