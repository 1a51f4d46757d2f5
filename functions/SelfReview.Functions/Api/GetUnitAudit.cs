using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Access;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/audit</c>: the unit's audit trail of a day (the unit's administrators) (<see cref="AccessEndpoints"/>).</summary>
public sealed class GetUnitAudit(AccessEndpoints endpoints)
{
    [Function(nameof(GetUnitAudit))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Audit)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.AuditAsync(request, unitId, cancellationToken);
}
