using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/rollup</c>: the rollup of every unit below this one, JSON or XLSX (<see cref="UnitEndpoints.RollupAsync"/>).</summary>
public sealed class GetUnitRollup(UnitEndpoints endpoints)
{
    [Function(nameof(GetUnitRollup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Rollup)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.RollupAsync(request, unitId, cancellationToken);
}
