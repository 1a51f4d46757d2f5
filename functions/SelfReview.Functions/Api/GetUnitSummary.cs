using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Api;

/// <summary>
/// <c>GET /api/units/{unitId}/summary?format=json|md|docx</c>: the unit summary the last consolidation
/// wrote; <c>docx</c> is the upward report (情况报告), downloaded as 情况报告-{unitId}.docx.
/// </summary>
public sealed class GetUnitSummary(IStatementStore store)
{
    private static readonly Dictionary<string, ReportFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ReportFormats.SummaryJson,
        ["md"] = ReportFormats.SummaryMarkdown,
        ["docx"] = ReportFormats.UpwardReport,
    };

    [Function(nameof(GetUnitSummary))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "units/{unitId}/summary")] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f : "json";
        if (!Formats.TryGetValue(format, out var report))
        {
            return ApiProblems.BadRequest(request, "invalid-format", "format 只能是 json、md 或 docx");
        }

        if (report == ReportFormats.UpwardReport)
        {
            request.HttpContext.Response.Headers.ContentDisposition = ContentDisposition.Attachment("report-" + unitId + ".docx", report.DownloadNameFor(unitId));
        }

        return await store.GetReportAsync(unitId, report.Name, cancellationToken) is { } file
            ? FileResults.Of(file, report.ContentType == ReportFormats.JsonType ? ApiJson.ContentType : report.ContentType)
            : ApiProblems.NotFound(request, "summary-not-found", $"单位“{unitId}”尚未生成汇总：请先上传材料，处理完成后片刻即可获取");
    }
}
