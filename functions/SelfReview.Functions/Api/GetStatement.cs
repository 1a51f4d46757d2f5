using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/statements/{statementId}</c>: the record, or 202 while pending (<see cref="StatementEndpoints.GetAsync"/>).</summary>
public sealed class GetStatement(StatementEndpoints endpoints)
{
    [Function(nameof(GetStatement))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Statement)] HttpRequest request,
        string unitId,
        string statementId,
        CancellationToken cancellationToken) =>
        endpoints.GetAsync(request, unitId, statementId, cancellationToken);
}
