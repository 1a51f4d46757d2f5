using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/health</c> (anonymous): the worker is up; with the engine's version.</summary>
public sealed class CheckHealth
{
    [Function(nameof(CheckHealth))]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        UnitEndpoints.Health();
}
