using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Roster;

namespace SelfReview.Functions.Api;

/// <summary><c>PUT /api/units/{unitId}/roster</c>: upload the unit's roster (XLSX or CSV) (<see cref="RosterEndpoints.PutAsync"/>).</summary>
public sealed class ImportRoster(RosterEndpoints endpoints)
{
    [Function(nameof(ImportRoster))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Roster)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.PutAsync(request, unitId, cancellationToken);
}
