using SelfReview.Contracts;

namespace SelfReview.Pipeline.Storage;

/// <summary>A record as stored, with the entity tag of that version.</summary>
public sealed record StoredRecord(StatementRecord Record, string ETag, DateTimeOffset LastModified);
