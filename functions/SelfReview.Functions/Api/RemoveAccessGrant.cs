using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Access;

namespace SelfReview.Functions.Api;

/// <summary><c>DELETE /api/access/grants/{principal}</c>: removes a principal's grant (administrators) (<see cref="AccessEndpoints"/>).</summary>
public sealed class RemoveAccessGrant(AccessEndpoints endpoints)
{
    [Function(nameof(RemoveAccessGrant))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.AccessGrant)] HttpRequest request,
        string principal,
        CancellationToken cancellationToken) =>
        endpoints.DeleteGrantAsync(request, principal, cancellationToken);
}
