using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/rectifications/{rowId}/evidence/{name}</c>: one 佐证材料 file (<see cref="TrackingEndpoints.GetEvidenceAsync"/>).</summary>
public sealed class GetEvidence(TrackingEndpoints endpoints)
{
    [Function(nameof(GetEvidence))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.EvidenceFile)] HttpRequest request,
        string unitId,
        string rowId,
        string name,
        CancellationToken cancellationToken) =>
        endpoints.GetEvidenceAsync(request, unitId, rowId, name, cancellationToken);
}
