using Microsoft.AspNetCore.Http;
using SelfReview.Pipeline.Access;

namespace SelfReview.Api.Access;

/// <summary>
/// The host's seam: who sent this request. Serve knows API keys, password sessions and the loopback
/// owner; the Functions app knows the principal App Service authentication vouches for. Null when the
/// request carries no credential or a wrong one (both are 401).
/// </summary>
public interface ICallerResolver
{
    Task<CallerIdentity?> ResolveAsync(HttpContext context, AccessMap map, CancellationToken cancellationToken = default);
}
