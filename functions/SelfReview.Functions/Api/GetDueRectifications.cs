using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/tracking/due?days=7</c>: overdue rows and rows due soon (到期提醒) (<see cref="TrackingEndpoints.DueAsync"/>).</summary>
public sealed class GetDueRectifications(TrackingEndpoints endpoints)
{
    [Function(nameof(GetDueRectifications))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TrackingDue)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.DueAsync(request, unitId, cancellationToken);
}
