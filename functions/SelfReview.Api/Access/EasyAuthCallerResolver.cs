using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SelfReview.Pipeline.Access;

namespace SelfReview.Api.Access;

/// <summary>
/// The caller in Azure: the Entra ID principal App Service authentication put in <c>X-MS-CLIENT-PRINCIPAL</c>
/// (a person through the browser's session, or a system with a client-credentials or managed-identity token).
/// The map names it <c>entra:{oid}</c> and its groups <c>group:{oid}</c>; the administrator app role gives
/// every unit, the reader app role caps every right at read.
/// </summary>
public sealed class EasyAuthCallerResolver(IOptions<AccessOptions> options) : ICallerResolver
{
    public Task<CallerIdentity?> ResolveAsync(HttpContext context, AccessMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        if (!settings.TrustClientPrincipalHeader || ClientPrincipal.Parse(context.Request.Headers[ClientPrincipal.HeaderName]) is not { ObjectId: { } oid } principal
            || !Principals.IsValidName(oid))
        {
            return Task.FromResult<CallerIdentity?>(null);
        }

        var roles = principal.Roles.ToHashSet(StringComparer.Ordinal);
        var id = Principals.Entra + oid;
        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        CallerIdentity caller = new(
            id,
            [id, .. principal.Groups.Where(Principals.IsValidName).Select(g => Principals.Group + g)],
            Administrator: roles.Contains(settings.AdministratorRole),
            MaxRight: roles.Contains(settings.ReaderRole) ? AccessRight.Read : null,
            Ambient: !bearer);
        return Task.FromResult<CallerIdentity?>(caller);
    }
}
