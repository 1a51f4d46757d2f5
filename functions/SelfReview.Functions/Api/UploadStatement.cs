using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>POST /api/units/{unitId}/statements</c>: the upload (<see cref="StatementEndpoints.UploadAsync"/>); the BlobCreated event then drives ingestion.</summary>
public sealed class UploadStatement(StatementEndpoints endpoints)
{
    [Function(nameof(UploadStatement))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Statements)] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        endpoints.UploadAsync(request, unitId, cancellationToken);
}
