using Microsoft.AspNetCore.Http;
using SelfReview.Api.Access;
using SelfReview.Contracts;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api;

/// <summary>
/// The statements of a unit over HTTP, for both hosts: upload (<c>POST …/statements</c>), the unit's
/// status listing (<c>GET …/statements</c>) and one statement (<c>GET …/statements/{statementId}</c>).
/// The rules are the engine's (<see cref="StatementUploader"/>, <see cref="UnitStatusReader"/>); this
/// class only turns their results into status codes, Problem Details and JSON.
/// </summary>
public sealed class StatementEndpoints(StatementUploader uploader, UnitStatusReader status, ApiAccess access)
{
    /// <summary>Seconds a client should wait before asking again about a pending statement.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The file is the body, its name in <c>X-File-Name</c> (RFC 8187 encoding allowed) or <c>?fileName=</c>.
    /// 202 with the statement id and where to poll; the same file again is 202 again; a different file
    /// under a taken name is 409 (uploads are never overwritten); 413 above the size limit.
    /// </summary>
    public async Task<IResult> UploadAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, AccessRight.Edit, cancellationToken) is { } denied)
        {
            return denied;
        }

        var result = await uploader.UploadAsync(unitId, FileNameHeader.From(request), request.Body, request.ContentLength, cancellationToken);
        if (result switch { UploadResult.Stored s => s.StatementId, UploadResult.SameFile f => f.StatementId, _ => null } is { } uploaded)
        {
            await access.AuditAsync(request, unitId, "upload", uploaded, cancellationToken);
        }

        return result switch
        {
            UploadResult.Stored(var id, var name) => Taken(request, unitId, id, name),
            UploadResult.SameFile(var id, var name) => Taken(request, unitId, id, name),
            UploadResult.InvalidUnitId(var reason) => ApiProblems.BadRequest(request, "invalid-unit-id", reason),
            UploadResult.InvalidFileName(var reason) => ApiProblems.BadRequest(request, "invalid-file-name", $"{reason}（文件名放在请求头 {FileNameHeader.Name} 中，中文请按 RFC 8187 编码，如 UTF-8''%E5%BC%A0%E4%B8%89.docx；或使用查询参数 ?{FileNameHeader.QueryName}=）"),
            UploadResult.TooLarge(var maxBytes) => ApiProblems.TooLarge(request, maxBytes),
            UploadResult.Empty => ApiProblems.BadRequest(request, "empty-body", "请求体为空：请把文件内容放在请求体中上传"),
            UploadResult.NameTaken(var name) => ApiProblems.Conflict(request, "file-name-taken", $"该单位已有同名文件“{name}”且内容不同；上传的材料不会被覆盖，请改名后重新上传"),
            _ => throw new InvalidOperationException("unknown upload result " + result.GetType().Name),
        };
    }

    /// <summary>Every upload of the unit with its status, and the counts per status.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, AccessRight.Read, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        await access.AuditAsync(request, unitId, "list", null, cancellationToken);

        var basePath = $"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/";
        var items = (await status.ReadAsync(unitId, cancellationToken)).Select(u => new StatementListItem(
            u.FileName, u.StatementId, u.Status, u.Reason, u.Size, u.UploadedAt, u.Problems, u.StatementId is null ? null : basePath + u.StatementId)).ToList();
        int Count(UploadStatus s) => items.Count(i => i.Status == s);
        var list = new StatementList(unitId, items.Count, Count(UploadStatus.Accepted), Count(UploadStatus.Rejected), Count(UploadStatus.Failed), Count(UploadStatus.Pending), items);
        return TypedResults.Json(list, ApiJson.StatementList, ApiJson.ContentType);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<StatementStatus> Taken(HttpRequest request, string unitId, string statementId, string fileName)
    {
        var location = $"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{statementId}";
        request.HttpContext.Response.Headers.Location = location;
        return TypedResults.Json(new StatementStatus(statementId, unitId, fileName, UploadStatus.Pending, location), ApiJson.StatementStatus, ApiJson.ContentType, StatusCodes.Status202Accepted);
    }

    /// <summary>The record (200); 202 with status pending while the upload waits; 404 when the unit has no such statement.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string unitId, string statementId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, AccessRight.Read, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        if (!StorageLayout.IsValidStatementId(statementId))
        {
            return ApiProblems.BadRequest(request, "invalid-statement-id", "材料标识应为 64 位小写十六进制（文件内容的 SHA-256）");
        }

        await access.AuditAsync(request, unitId, "read", statementId, cancellationToken);

        switch (await status.FindAsync(unitId, statementId, cancellationToken))
        {
            case StatementLookup.Recorded(var stored):
                return TypedResults.Bytes(SelfReviewJson.Serialize(stored.Record, SelfReviewJson.Record), ApiJson.ContentType, lastModified: stored.LastModified, entityTag: FileResults.EntityTag(stored.ETag));
            case StatementLookup.Pending(var fileName):
                request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var pending = new StatementStatus(statementId, unitId, fileName, UploadStatus.Pending, $"{request.PathBase}{request.Path}");
                return TypedResults.Json(pending, ApiJson.StatementStatus, ApiJson.ContentType, StatusCodes.Status202Accepted);
            default:
                return ApiProblems.NotFound(request, "statement-not-found", $"单位“{unitId}”没有标识为 {statementId} 的材料");
        }
    }
}
