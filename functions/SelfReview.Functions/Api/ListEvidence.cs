using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/rectifications/{rowId}/evidence</c>: the row's 佐证材料 (<see cref="TrackingEndpoints.ListEvidenceAsync"/>).</summary>
public sealed class ListEvidence(TrackingEndpoints endpoints)
{
    [Function(nameof(ListEvidence))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Evidence)] HttpRequest request,
        string unitId,
        string rowId,
        CancellationToken cancellationToken) =>
        endpoints.ListEvidenceAsync(request, unitId, rowId, cancellationToken);
}
