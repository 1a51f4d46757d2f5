using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api.Access;

/// <summary>
/// The unit-access map over HTTP, for both hosts: administrators read it (<c>GET /api/access</c>) and set or
/// remove a principal's grant (<c>PUT|DELETE /api/access/grants/{principal}</c>); a unit's administrators
/// read its audit trail (<c>GET /api/units/{unitId}/audit?day=YYYY-MM-DD</c>). Changes are audited in every unit they touch.
/// </summary>
public sealed class AccessEndpoints(ApiAccess access, AccessMapEditor editor, IAccessStore store, TimeProvider time)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await access.AuthorizeAdministratorAsync(request, cancellationToken) is { } denied)
        {
            return denied;
        }

        var map = (await store.GetMapAsync(cancellationToken)).Map;
        var now = time.GetUtcNow();
        var view = new AccessView(
            map.Grants,
            map.Administrators,
            [.. map.Keys.Select(k => new CredentialInfo(k.Name, k.CreatedAt, false))],
            [.. map.Users.Select(u => new CredentialInfo(u.Name, null, u.LockedUntil > now))]);
        return TypedResults.Json(view, ApiJson.AccessView, ApiJson.ContentType);
    }

    public async Task<IResult> PutGrantAsync(HttpRequest request, string principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAdministratorAsync(request, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!Principals.IsValid(principal))
        {
            return ApiProblems.BadRequest(request, "invalid-principal", "主体应为 user:名称、key:名称、entra:对象ID 或 group:对象ID");
        }

        GrantRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ApiJson.GrantRequest, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is not { Units: { Count: > 0 } units, Right: { } right } || !Enum.IsDefined(right)
            || units.Any(u => u != AccessGrant.AllUnits && !StorageLayout.IsValidUnitId(u)))
        {
            return ApiProblems.BadRequest(request, "invalid-grant", "请求体应为 {\"units\":[\"单位标识\"或\"*\"],\"right\":\"read|edit|administer\",\"administrator\":false}");
        }

        var grant = new AccessGrant(principal, [.. units.Distinct(StringComparer.Ordinal)], right);
        var before = await editor.UpdateAsync(m => m, cancellationToken);
        await editor.UpdateAsync(m => m.WithGrant(grant).WithAdministrator(principal, body.Administrator), cancellationToken);
        await AuditChangeAsync(request, before, grant.Units, principal, cancellationToken);
        return TypedResults.Json(grant, ApiJson.AccessGrant, ApiJson.ContentType);
    }

    public async Task<IResult> DeleteGrantAsync(HttpRequest request, string principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAdministratorAsync(request, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!Principals.IsValid(principal))
        {
            return ApiProblems.BadRequest(request, "invalid-principal", "主体应为 user:名称、key:名称、entra:对象ID 或 group:对象ID");
        }

        var before = await editor.UpdateAsync(m => m, cancellationToken);
        await editor.UpdateAsync(m => m.WithoutPrincipal(principal), cancellationToken);
        await AuditChangeAsync(request, before, [], principal, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The unit's audit trail of one day (default today, UTC); for the unit's administrators.</summary>
    public async Task<IResult> AuditAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, AccessRight.Administer, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        var dayText = request.Query["day"].ToString();
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (dayText.Length > 0 && !DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return ApiProblems.BadRequest(request, "invalid-day", "day 应为 YYYY-MM-DD（协调世界时）");
        }

        var events = await store.ReadAuditAsync(unitId, day, cancellationToken);
        await access.AuditAsync(request, unitId, "audit", null, cancellationToken);
        return TypedResults.Json(new AuditTrail(unitId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), events), ApiJson.AuditTrail, ApiJson.ContentType);
    }

    /// <summary>An access-change line in each concrete unit the principal could reach before or can reach now.</summary>
    private async Task AuditChangeAsync(HttpRequest request, AccessMap before, IEnumerable<string> unitsNow, string principal, CancellationToken cancellationToken)
    {
        var units = before.Grants.Where(g => g.Principal == principal).SelectMany(g => g.Units).Concat(unitsNow)
            .Where(u => u != AccessGrant.AllUnits).Distinct(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            await access.AuditAsync(request, unit, "access-change", principal, cancellationToken);
        }
    }
}
