using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Roster;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/roster</c>: the unit's roster (名册) with each statement's owner (<see cref="RosterEndpoints.GetAsync"/>).</summary>
public sealed class GetRoster(RosterEndpoints endpoints)
{
    [Function(nameof(GetRoster))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Roster)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.GetAsync(request, unitId, cancellationToken);
}
