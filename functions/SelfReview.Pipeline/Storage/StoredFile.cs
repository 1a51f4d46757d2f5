namespace SelfReview.Pipeline.Storage;

/// <summary>A stored file with its content.</summary>
/// <param name="Name">The name within the unit.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The media type it was stored with.</param>
/// <param name="ETag">The entity tag of this version.</param>
/// <param name="LastModified">When it was written.</param>
public sealed record StoredFile(string Name, byte[] Content, string ContentType, string ETag, DateTimeOffset LastModified);
