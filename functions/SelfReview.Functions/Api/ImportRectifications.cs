using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>POST /api/units/{unitId}/tracking/import</c>: reads an edited XLSX list back into the tracking data (<see cref="TrackingEndpoints.ImportAsync"/>).</summary>
public sealed class ImportRectifications(TrackingEndpoints endpoints)
{
    [Function(nameof(ImportRectifications))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TrackingImport)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.ImportAsync(request, unitId, cancellationToken);
}
