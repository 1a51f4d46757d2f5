using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Access;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/access</c>: the unit-access map (administrators) (<see cref="AccessEndpoints"/>).</summary>
public sealed class GetAccess(AccessEndpoints endpoints)
{
    [Function(nameof(GetAccess))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Access)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.GetAsync(request, cancellationToken);
}
