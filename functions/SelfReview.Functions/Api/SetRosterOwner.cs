using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Roster;

namespace SelfReview.Functions.Api;

/// <summary><c>PUT /api/units/{unitId}/roster/owners/{statementId}</c>: a statement's owner set by hand (<see cref="RosterEndpoints.PutOwnerAsync"/>).</summary>
public sealed class SetRosterOwner(RosterEndpoints endpoints)
{
    [Function(nameof(SetRosterOwner))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.RosterOwner)] HttpRequest request,
        string unitId,
        string statementId,
        CancellationToken cancellationToken) =>
        endpoints.PutOwnerAsync(request, unitId, statementId, cancellationToken);
}
