using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units</c>: the units with uploads or records (<see cref="UnitEndpoints.ListAsync"/>).</summary>
public sealed class ListUnits(UnitEndpoints endpoints)
{
    [Function(nameof(ListUnits))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Units)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.ListAsync(request, cancellationToken);
}
