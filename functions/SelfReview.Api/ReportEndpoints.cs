using Microsoft.AspNetCore.Http;
using SelfReview.Api.Access;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Api;

/// <summary>
/// A unit's reports over HTTP, for both hosts: the summary (<c>?format=json|md|docx</c>, docx being the
/// upward report 情况报告), the rectification
/// list (整改清单, <c>?format=json|csv|xlsx|docx</c>, files as downloads named 整改清单-{unitId}.{ext}), and
/// every file the report publisher wrote (<c>…/reports</c>, <c>…/reports/{name}</c>), so a report added
/// to the publisher's table is served without a new endpoint.
/// </summary>
public sealed class ReportEndpoints(IStatementStore store, ApiAccess access, RectificationTracker tracker, CsvExporter csv, XlsxExporter xlsx, DocxExporter docx, TimeProvider time)
{
    /// <summary>Each rectification-list format (from the one table of report formats).</summary>
    public static IReadOnlyDictionary<string, ReportFormat> Formats { get; } = new Dictionary<string, ReportFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ReportFormats.ListJson,
        ["csv"] = ReportFormats.ListCsv,
        ["xlsx"] = ReportFormats.ListXlsx,
        ["docx"] = ReportFormats.ListDocx,
    };

    private static readonly Dictionary<string, ReportFormat> SummaryFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ReportFormats.SummaryJson,
        ["md"] = ReportFormats.SummaryMarkdown,
        ["docx"] = ReportFormats.UpwardReport,
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
        if (!SummaryFormats.TryGetValue(format, out var report))
        {
            return ApiProblems.BadRequest(request, "invalid-format", "format 只能是 json、md 或 docx");
        }

        await access.AuditAsync(request, unitId, "read", report.Name, cancellationToken);
        if (report == ReportFormats.UpwardReport)
        {
            request.HttpContext.Response.Headers.ContentDisposition = ContentDisposition.Attachment("report-" + unitId + ".docx", report.DownloadNameFor(unitId));
        }

        return await store.GetReportAsync(unitId, report.Name, cancellationToken) is { } file
            ? FileResults.Of(file, report.ContentType == ReportFormats.JsonType ? ApiJson.ContentType : report.ContentType)
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
        if (!Formats.TryGetValue(format, out var list))
        {
            return ApiProblems.BadRequest(request, "invalid-format", "format 只能是 json、csv、xlsx 或 docx");
        }

        await access.AuditAsync(request, unitId, "export", list.Name, cancellationToken);
        if (await store.GetReportAsync(unitId, list.Name, cancellationToken) is not { } file)
        {
            return ApiProblems.NotFound(request, "rectifications-not-found", $"单位“{unitId}”尚未生成整改清单：请先上传材料，处理完成后片刻即可获取");
        }

        if (format != "json")
        {
            request.HttpContext.Response.Headers.ContentDisposition = ContentDisposition.Attachment($"rectifications-{unitId}.{format}", list.DownloadNameFor(unitId));
        }

        // The stored list is derived; what people tracked (status, progress, 销号) is merged in as it is read.
        if (await tracker.GetListAsync(unitId, cancellationToken) is not { } tracked)
        {
            return FileResults.Of(file, list.ContentType == ReportFormats.JsonType ? ApiJson.ContentType : list.ContentType);
        }

        var rows = tracked.List;
        var content = format switch
        {
            "csv" => csv.Export(rows),
            "xlsx" => xlsx.Export(rows, DueRowFinder.Find(rows, DateOnly.FromDateTime(time.GetLocalNow().DateTime), DueRowFinder.DefaultDays)),
            "docx" => docx.Export(rows),
            _ => Contracts.SelfReviewJson.Serialize(rows, Contracts.SelfReviewJson.RectificationList),
        };
        return TypedResults.Bytes(content, list.ContentType == ReportFormats.JsonType ? ApiJson.ContentType : list.ContentType, entityTag: FileResults.EntityTag("\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..32] + "\""));
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
