using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Access;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/session</c>: who the caller is and which units it may reach (<see cref="SessionEndpoints"/>).</summary>
public sealed class GetSession(SessionEndpoints endpoints)
{
    [Function(nameof(GetSession))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Session)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.GetAsync(request, cancellationToken);
}
