using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/tracking/rates</c>: 整改完成率 of the unit, by member and by category (<see cref="TrackingEndpoints.RatesAsync"/>).</summary>
public sealed class GetCompletionRates(TrackingEndpoints endpoints)
{
    [Function(nameof(GetCompletionRates))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TrackingRates)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.RatesAsync(request, unitId, cancellationToken);
}
