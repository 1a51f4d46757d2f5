using SelfReview.Contracts;

namespace SelfReview.Pipeline.Roster;

/// <summary>
/// A unit's roster as it applies to its statements: the people, and each accepted statement with the
/// owner it gets and how (what <c>GET /api/units/{unitId}/roster</c> answers).
/// </summary>
/// <param name="UnitId">The unit.</param>
/// <param name="SourceFileName">The file the roster came from (null before any import).</param>
/// <param name="ImportedAt">When it was imported.</param>
/// <param name="ETag">The roster document's entity tag, for If-Match on changes (null before any import or assignment).</param>
/// <param name="People">The roster's people.</param>
/// <param name="Statements">Every accepted statement with its owner.</param>
/// <param name="Matched">Statements whose owner the roster or a hand assignment confirms.</param>
/// <param name="Total">Accepted statements.</param>
public sealed record RosterView(
    string UnitId,
    string? SourceFileName,
    DateTimeOffset? ImportedAt,
    string? ETag,
    IReadOnlyList<RosterPerson> People,
    IReadOnlyList<StatementOwner> Statements,
    int Matched,
    int Total);
