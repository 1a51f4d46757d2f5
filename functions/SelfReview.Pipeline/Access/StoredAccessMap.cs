namespace SelfReview.Pipeline.Access;

/// <summary>The access map with the entity tag of its stored version (null when none is stored yet).</summary>
public sealed record StoredAccessMap(AccessMap Map, string? ETag);
