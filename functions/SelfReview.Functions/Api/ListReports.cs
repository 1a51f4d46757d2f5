using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/reports</c>: every report file of the unit (<see cref="ReportEndpoints.ListAsync"/>).</summary>
public sealed class ListReports(ReportEndpoints endpoints)
{
    [Function(nameof(ListReports))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Reports)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.ListAsync(request, unitId, cancellationToken);
}
