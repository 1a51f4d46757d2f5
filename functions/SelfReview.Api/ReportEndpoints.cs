using Microsoft.AspNetCore.Http;
using SelfReview.Api.Access;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api;

/// <summary>
/// A unit's reports over HTTP, for both hosts: the summary (<c>?format=json|md</c>), the rectification
/// list (整改清单, <c>?format=json|csv|xlsx|docx</c>, files as downloads named 整改清单-{unitId}.{ext}), and
/// every file the report publisher wrote (<c>…/reports</c>, <c>…/reports/{name}</c>), so a report added
/// to the publisher's table is served without a new endpoint.
/// </summary>
public sealed class ReportEndpoints(IStatementStore store, ApiAccess access)
{
    /// <summary>Each rectification-list format's content type (RFC 4180 for CSV; the OOXML types for xlsx/docx).</summary>
    public static IReadOnlyDictionary<string, string> Formats { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ApiJson.ContentType,
        ["csv"] = "text/csv; charset=utf-8",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    private static readonly Dictionary<string, string> SummaryFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = "summary.json",
        ["md"] = "summary.md",
    };

    public async Task<IResult> SummaryAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
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

        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f : "json";
        if (!SummaryFormats.TryGetValue(format, out var name))
        {
            return ApiProblems.BadRequest(request, "invalid-format", "format 只能是 json 或 md");
        }

        await access.AuditAsync(request, unitId, "read", name, cancellationToken);
        return await store.GetReportAsync(unitId, name, cancellationToken) is { } file
            ? FileResults.Of(file, name.EndsWith(".json", StringComparison.Ordinal) ? ApiJson.ContentType : "text/markdown; charset=utf-8")
            : ApiProblems.NotFound(request, "summary-not-found", $"单位“{unitId}”尚未生成汇总：请先上传材料，处理完成后片刻即可获取");
    }

    public async Task<IResult> RectificationsAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
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

        var format = (request.Query["format"].ToString() is { Length: > 0 } f ? f : "json").ToLowerInvariant();
        if (!Formats.TryGetValue(format, out var contentType))
        {
            return ApiProblems.BadRequest(request, "invalid-format", "format 只能是 json、csv、xlsx 或 docx");
        }

        await access.AuditAsync(request, unitId, "export", "rectifications." + format, cancellationToken);
        if (await store.GetReportAsync(unitId, "rectifications." + format, cancellationToken) is not { } file)
        {
            return ApiProblems.NotFound(request, "rectifications-not-found", $"单位“{unitId}”尚未生成整改清单：请先上传材料，处理完成后片刻即可获取");
        }

        if (format != "json")
        {
            request.HttpContext.Response.Headers.ContentDisposition = ContentDisposition.Attachment($"rectifications-{unitId}.{format}", $"整改清单-{unitId}.{format}");
        }

        return FileResults.Of(file, contentType);
    }

    /// <summary>The report files of the unit (name, size, when written, where to get it).</summary>
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

        await access.AuditAsync(request, unitId, "list", "reports", cancellationToken);
        var basePath = $"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/";
        var files = (await store.ListReportsAsync(unitId, cancellationToken))
            .Where(e => StorageLayout.IsValidReportName(e.Name))
            .Select(e => new ReportListItem(e.Name, e.Size, e.LastModified, basePath + e.Name)).ToList();
        return TypedResults.Json(new ReportList(unitId, files), ApiJson.ReportList, ApiJson.ContentType);
    }

    /// <summary>One report file as a download (its stored content type).</summary>
    public async Task<IResult> FileAsync(HttpRequest request, string unitId, string name, CancellationToken cancellationToken)
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

        if (!StorageLayout.IsValidReportName(name))
        {
            return ApiProblems.BadRequest(request, "invalid-report-name", "报告文件名只能是小写英文、数字和“-”，带一个扩展名");
        }

        await access.AuditAsync(request, unitId, "export", name, cancellationToken);
        if (await store.GetReportAsync(unitId, name, cancellationToken) is not { } file)
        {
            return ApiProblems.NotFound(request, "report-not-found", $"单位“{unitId}”没有报告文件“{name}”");
        }

        request.HttpContext.Response.Headers.ContentDisposition = ContentDisposition.Attachment($"{unitId}-{name}", $"{unitId}-{name}");
        return FileResults.Of(file);
    }
}
