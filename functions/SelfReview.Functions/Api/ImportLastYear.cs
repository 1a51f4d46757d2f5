using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Roster;

namespace SelfReview.Functions.Api;

/// <summary><c>PUT /api/units/{unitId}/last-year</c>: upload last year's list for 回头看 (<see cref="RosterEndpoints.PutLastYearAsync"/>).</summary>
public sealed class ImportLastYear(RosterEndpoints endpoints)
{
    [Function(nameof(ImportLastYear))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.LastYear)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.PutLastYearAsync(request, unitId, cancellationToken);
}
