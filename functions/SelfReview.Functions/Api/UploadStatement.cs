using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Api;

/// <summary>
/// <c>POST /api/units/{unitId}/statements</c>: the file is the body, its name in <c>X-File-Name</c>
/// (RFC 8187 encoding allowed) or <c>?fileName=</c>. Stores it as <c>statements/{unitId}/{fileName}</c>;
/// the BlobCreated event then drives ingestion. 202 with the statement id and where to poll.
/// The same file again under the same name is 202 again; a different file under a taken name is 409
/// (uploads are never overwritten).
/// </summary>
public sealed partial class UploadStatement(IStatementStore store, ILogger<UploadStatement> logger)
{
    public const long MaxBytes = 20L * 1024 * 1024;

    [Function(nameof(UploadStatement))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "units/{unitId}/statements")] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        var fileName = FileNameHeader.From(request);
        if (StorageLayout.FileNameError(fileName) is { } nameError)
        {
            return ApiProblems.BadRequest(request, "invalid-file-name", $"{nameError}（文件名放在请求头 {FileNameHeader.Name} 中，中文请按 RFC 8187 编码，如 UTF-8''%E5%BC%A0%E4%B8%89.docx；或使用查询参数 ?{FileNameHeader.QueryName}=）");
        }

        if (request.ContentLength > MaxBytes)
        {
            return ApiProblems.TooLarge(request, MaxBytes);
        }

        var content = await ReadAsync(request.Body, cancellationToken);
        if (content is null)
        {
            return ApiProblems.TooLarge(request, MaxBytes);
        }

        if (content.Length == 0)
        {
            return ApiProblems.BadRequest(request, "empty-body", "请求体为空：请把文件内容放在请求体中上传");
        }

        var statementId = StatementProcessor.StatementIdOf(content);
        if (await store.PutUploadAsync(unitId, fileName!, content, cancellationToken) is null)
        {
            var existing = await store.GetUploadAsync(unitId, fileName!, cancellationToken);
            if (existing is null || StatementProcessor.StatementIdOf(existing.Content) != statementId)
            {
                return ApiProblems.Conflict(request, "file-name-taken", $"该单位已有同名文件“{fileName}”且内容不同；上传的材料不会被覆盖，请改名后重新上传");
            }
        }

        LogAccepted(logger, statementId, unitId, content.Length);
        var location = $"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{statementId}";
        request.HttpContext.Response.Headers.Location = location;
        return TypedResults.Json(new StatementStatus(statementId, unitId, fileName!, UploadStatus.Pending, location), ApiJson.StatementStatus, ApiJson.ContentType, StatusCodes.Status202Accepted);
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBytes"/> (without reading past the limit).</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Upload {StatementId} accepted for unit {UnitId}: {Bytes} bytes")]
    private static partial void LogAccepted(ILogger logger, string statementId, string unitId, int bytes);
}
