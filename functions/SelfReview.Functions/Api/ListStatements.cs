using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/statements</c>: every upload of the unit with its status (<see cref="StatementEndpoints.ListAsync"/>).</summary>
public sealed class ListStatements(StatementEndpoints endpoints)
{
    [Function(nameof(ListStatements))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Statements)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.ListAsync(request, unitId, cancellationToken);
}
