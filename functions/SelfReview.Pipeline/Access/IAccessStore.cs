namespace SelfReview.Pipeline.Access;

/// <summary>
/// The seam for <c>access/…</c> (the unit-access map) and <c>tracking/{unitId}/audit/{day}.jsonl</c> (the
/// append-only audit trail) over Blob Storage or a folder, with the same names.
/// </summary>
public interface IAccessStore
{
    /// <summary>The map and its entity tag; the empty map (ETag null) when none is stored.</summary>
    Task<StoredAccessMap> GetMapAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the map when the stored version still has <paramref name="expectedETag"/> (null: none stored). Null when it changed meanwhile.</summary>
    Task<string?> PutMapAsync(AccessMap map, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Appends one event to the unit's trail of its day (never rewrites earlier lines).</summary>
    Task AppendAuditAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>The unit's events of one day (UTC), oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(string unitId, DateOnly day, CancellationToken cancellationToken = default);
}
