using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/summary?format=json|md</c> (<see cref="ReportEndpoints.SummaryAsync"/>).</summary>
public sealed class GetUnitSummary(ReportEndpoints endpoints)
{
    [Function(nameof(GetUnitSummary))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Summary)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.SummaryAsync(request, unitId, cancellationToken);
}
