using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/reports/{name}</c>: one report file (<see cref="ReportEndpoints.FileAsync"/>).</summary>
public sealed class GetReport(ReportEndpoints endpoints)
{
    [Function(nameof(GetReport))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Report)] HttpRequest request,
        string unitId,
        string name,
        CancellationToken cancellationToken) =>
        endpoints.FileAsync(request, unitId, name, cancellationToken);
}
