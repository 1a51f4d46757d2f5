using SelfReview.Pipeline.Access;

namespace SelfReview.Api.Access;

/// <summary>A unit's audit events of one day (UTC).</summary>
public sealed record AuditTrail(string UnitId, string Day, IReadOnlyList<AuditEvent> Events);
