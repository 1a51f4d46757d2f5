using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api;

/// <summary>Stored files as responses, with their entity tag and date, so clients can revalidate (If-None-Match → 304).</summary>
public static class FileResults
{
    public static IResult Of(StoredFile file, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return TypedResults.Bytes(file.Content, contentType ?? file.ContentType, lastModified: file.LastModified, entityTag: EntityTag(file.ETag));
    }

    /// <summary>The store's entity tag as an HTTP one (stores already quote theirs; a bare one gets quotes).</summary>
    public static EntityTagHeaderValue EntityTag(string eTag)
    {
        ArgumentNullException.ThrowIfNull(eTag);
        return EntityTagHeaderValue.Parse(eTag.StartsWith('"') || eTag.StartsWith("W/", StringComparison.Ordinal) ? eTag : "\"" + eTag + "\"");
    }
}
