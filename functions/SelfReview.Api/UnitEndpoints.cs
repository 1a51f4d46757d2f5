using Microsoft.AspNetCore.Http;
using SelfReview.Api.Access;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api;

/// <summary><c>GET /api/units</c> (the units with uploads or records that the caller may read, and those granted to it) and <c>GET /api/health</c>, for both hosts.</summary>
public sealed class UnitEndpoints(IStatementStore store, ApiAccess access)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (caller, map, denied) = await access.AuthenticateAsync(request, cancellationToken);
        return denied ?? TypedResults.Json(new UnitList(await CallerUnits.UnitsOfAsync(caller!, map, store, cancellationToken)), ApiJson.UnitList, ApiJson.ContentType);
    }

    public static IResult Health() =>
        TypedResults.Json(new HealthReport("ok", StatementProcessor.EngineVersion), ApiJson.HealthReport, ApiJson.ContentType);
}
