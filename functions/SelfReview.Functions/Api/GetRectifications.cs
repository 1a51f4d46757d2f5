using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/rectifications?format=json|csv|xlsx|docx</c>: the 整改清单 (<see cref="ReportEndpoints.RectificationsAsync"/>).</summary>
public sealed class GetRectifications(ReportEndpoints endpoints)
{
    [Function(nameof(GetRectifications))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Rectifications)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.RectificationsAsync(request, unitId, cancellationToken);
}
