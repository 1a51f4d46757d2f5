using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/rectifications/{rowId}</c>: one row of the 整改清单 with its tracking and ETag (<see cref="TrackingEndpoints.GetRowAsync"/>).</summary>
public sealed class GetRectification(TrackingEndpoints endpoints)
{
    [Function(nameof(GetRectification))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Rectification)] HttpRequest request,
        string unitId,
        string rowId,
        CancellationToken cancellationToken) =>
        endpoints.GetRowAsync(request, unitId, rowId, cancellationToken);
}
