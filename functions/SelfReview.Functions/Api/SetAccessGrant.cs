using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;
using SelfReview.Api.Access;

namespace SelfReview.Functions.Api;

/// <summary><c>PUT /api/access/grants/{principal}</c>: sets a principal's grant (administrators) (<see cref="AccessEndpoints"/>).</summary>
public sealed class SetAccessGrant(AccessEndpoints endpoints)
{
    [Function(nameof(SetAccessGrant))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.AccessGrant)] HttpRequest request,
        string principal,
        CancellationToken cancellationToken) =>
        endpoints.PutGrantAsync(request, principal, cancellationToken);
}
