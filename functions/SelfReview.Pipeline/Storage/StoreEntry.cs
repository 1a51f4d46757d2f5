namespace SelfReview.Pipeline.Storage;

/// <summary>One item of a listing.</summary>
/// <param name="Name">The name within the unit: a file name, a statement id, or a report name.</param>
/// <param name="ETag">The entity tag; changes whenever the content is written.</param>
/// <param name="LastModified">When it was last written.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes, for uploads when the store knows it.</param>
public sealed record StoreEntry(string Name, string ETag, DateTimeOffset LastModified, long Size, string? Sha256 = null);
