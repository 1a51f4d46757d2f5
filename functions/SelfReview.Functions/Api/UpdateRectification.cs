using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>PATCH /api/units/{unitId}/rectifications/{rowId}</c>: status and/or a progress note; 409 on a stale If-Match (<see cref="TrackingEndpoints.PatchRowAsync"/>).</summary>
public sealed class UpdateRectification(TrackingEndpoints endpoints)
{
    [Function(nameof(UpdateRectification))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.Rectification)] HttpRequest request,
        string unitId,
        string rowId,
        CancellationToken cancellationToken) =>
        endpoints.PatchRowAsync(request, unitId, rowId, cancellationToken);
}
