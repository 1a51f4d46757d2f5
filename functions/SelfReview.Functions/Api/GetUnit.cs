using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}</c>: the unit's profile with its parent (<see cref="UnitEndpoints.GetAsync"/>).</summary>
public sealed class GetUnit(UnitEndpoints endpoints)
{
    [Function(nameof(GetUnit))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Unit)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.GetAsync(request, unitId, cancellationToken);
}
