using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>PUT /api/units/{unitId}</c>: places the unit under a parent unit, or takes it out (<see cref="UnitEndpoints.PutAsync"/>).</summary>
public sealed class SetUnitParent(UnitEndpoints endpoints)
{
    [Function(nameof(SetUnitParent))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Unit)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.PutAsync(request, unitId, cancellationToken);
}
