namespace SelfReview.Pipeline.Access;

/// <summary>
/// One line of a unit's audit trail: who did what to which thing, when, and whether it was allowed.
/// The target is an id (a statement's SHA-256, a report's name, a principal) — never a statement's text.
/// </summary>
/// <param name="At">When (UTC).</param>
/// <param name="UnitId">The unit.</param>
/// <param name="Actor">The principal that acted (<see cref="CallerIdentity.Id"/>).</param>
/// <param name="Action">What: <c>upload</c>, <c>list</c>, <c>read</c>, <c>export</c>, <c>audit</c>, <c>access-change</c> …</param>
/// <param name="Target">Which thing, by id, or null.</param>
/// <param name="Outcome"><c>allowed</c> or <c>denied</c>.</param>
public sealed record AuditEvent(DateTimeOffset At, string UnitId, string Actor, string Action, string? Target, string Outcome);
