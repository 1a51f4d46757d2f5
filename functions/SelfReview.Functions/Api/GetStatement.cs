using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Contracts;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Api;

/// <summary>
/// <c>GET /api/units/{unitId}/statements/{statementId}</c>: the record (200); 202 with status pending
/// while the upload is stored but not processed yet; 404 when the unit has no such statement.
/// </summary>
public sealed class GetStatement(IStatementStore store)
{
    /// <summary>Seconds a client should wait before asking again about a pending statement.</summary>
    public const int RetryAfterSeconds = 5;

    [Function(nameof(GetStatement))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "units/{unitId}/statements/{statementId}")] HttpRequest request,
        string unitId,
        string statementId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        if (!StorageLayout.IsValidStatementId(statementId))
        {
            return ApiProblems.BadRequest(request, "invalid-statement-id", "材料标识应为 64 位小写十六进制（文件内容的 SHA-256）");
        }

        if (await store.GetRecordAsync(unitId, statementId, cancellationToken) is { } stored)
        {
            return TypedResults.Bytes(SelfReviewJson.Serialize(stored.Record, SelfReviewJson.Record), ApiJson.ContentType, lastModified: stored.LastModified, entityTag: FileResults.EntityTag(stored.ETag));
        }

        var uploads = await store.ListUploadsAsync(unitId, cancellationToken);
        if (uploads.FirstOrDefault(u => u.Sha256 == statementId) is { } upload)
        {
            request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var status = new StatementStatus(statementId, unitId, upload.Name, UploadStatus.Pending, $"{request.PathBase}{request.Path}");
            return TypedResults.Json(status, ApiJson.StatementStatus, ApiJson.ContentType, StatusCodes.Status202Accepted);
        }

        return ApiProblems.NotFound(request, "statement-not-found", $"单位“{unitId}”没有标识为 {statementId} 的材料");
    }
}
