using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SelfReview.Pipeline.Access;

namespace SelfReview.Api.Access;

/// <summary>
/// The caller on <c>selfreview serve</c>: an API key (<c>Authorization: Bearer srk_…</c>), else a password
/// session (the cookie), else — only while serve listens on loopback alone, no key or user exists yet, and
/// the request comes from this machine — the one person at the machine, as administrator. A wrong key is
/// 401 even with a good cookie; a session whose user was removed counts for nothing.
/// </summary>
public sealed class ServeCallerResolver(bool loopbackOnly) : ICallerResolver
{
    public const string BearerPrefix = "Bearer ";

    public Task<CallerIdentity?> ResolveAsync(HttpContext context, AccessMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(map);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            var key = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? ApiKeys.Find(map.Keys, authorization[BearerPrefix.Length..].Trim()) : null;
            return Task.FromResult(key is null ? null : Of(Principals.OfKey(key.Name), ambient: false));
        }

        if (context.User.Identity is { IsAuthenticated: true } identity && identity.Name is { } name && map.User(name) is not null)
        {
            return Task.FromResult(Of(Principals.OfUser(name), ambient: true));
        }

        if (loopbackOnly && map.HasNoCredentials && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            return Task.FromResult<CallerIdentity?>(new CallerIdentity(Principals.LocalOwner, [Principals.LocalOwner], Administrator: true, MaxRight: null, Ambient: true));
        }

        return Task.FromResult<CallerIdentity?>(null);
    }

    /// <summary>Whether every address serve listens on is a loopback one (127.0.0.0/8, [::1], localhost).</summary>
    public static bool IsLoopbackOnly(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return urls.All(url => Uri.TryCreate(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))));
    }

    private static CallerIdentity? Of(string id, bool ambient) => new(id, [id], Administrator: false, MaxRight: null, Ambient: ambient);

    /// <summary>The claims of a password session: the user's name only (rights are read from the map on every request).</summary>
    public static ClaimsPrincipal SessionPrincipal(string name, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], scheme));
}
