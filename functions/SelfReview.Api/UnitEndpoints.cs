using Microsoft.AspNetCore.Http;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api;

/// <summary><c>GET /api/units</c> (the units with uploads or records) and <c>GET /api/health</c>, for both hosts.</summary>
public sealed class UnitEndpoints(IStatementStore store)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        TypedResults.Json(new UnitList(await store.ListUnitsAsync(cancellationToken)), ApiJson.UnitList, ApiJson.ContentType);

    public static IResult Health() =>
        TypedResults.Json(new HealthReport("ok", StatementProcessor.EngineVersion), ApiJson.HealthReport, ApiJson.ContentType);
}
