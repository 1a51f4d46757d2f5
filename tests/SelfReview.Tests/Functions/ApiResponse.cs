using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SelfReview.Tests.Functions;

/// <summary>What an HTTP function answered, after its IResult was executed against the request's HttpContext.</summary>
public sealed record ApiResponse(int Status, IHeaderDictionary Headers, byte[] Body)
{
    public string ContentType => Headers.ContentType.ToString();

    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    /// <summary>The Problem Details code (RFC 9457 extension member) of an error response.</summary>
    public string? ProblemCode => ContentType.StartsWith("application/problem+json", StringComparison.Ordinal) ? Json().GetProperty("code").GetString() : null;
}
