using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>POST /api/units/{unitId}/rectifications/{rowId}/evidence</c>: adds a 佐证材料 file (<see cref="TrackingEndpoints.UploadEvidenceAsync"/>).</summary>
public sealed class UploadEvidence(TrackingEndpoints endpoints)
{
    [Function(nameof(UploadEvidence))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Evidence)] HttpRequest request,
        string unitId,
        string rowId,
        CancellationToken cancellationToken) =>
        endpoints.UploadEvidenceAsync(request, unitId, rowId, cancellationToken);
}
