using SelfReview.Contracts;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// What people added to a unit that consolidation applies (architecture.md: tracking data, never
/// derived): the roster with owners set by hand, and last year's list for 回头看. Either may be absent.
/// </summary>
public sealed record UnitTracking(UnitRoster? Roster, LastYearList? LastYear)
{
    public static UnitTracking None { get; } = new(null, null);
}
