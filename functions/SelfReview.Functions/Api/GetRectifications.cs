using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Api;

/// <summary>
/// <c>GET /api/units/{unitId}/rectifications?format=json|csv|xlsx|docx</c>: the consolidated
/// rectification list (整改清单). The files come as downloads named 整改清单-{unitId}.{ext}.
/// </summary>
public sealed class GetRectifications(IStatementStore store)
{
    /// <summary>Each format's content type (RFC 4180 for CSV; the OOXML types for xlsx/docx).</summary>
    public static IReadOnlyDictionary<string, string> Formats { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ApiJson.ContentType,
        ["csv"] = ReportFormats.ListCsv.ContentType,
        ["xlsx"] = ReportFormats.ListXlsx.ContentType,
        ["docx"] = ReportFormats.ListDocx.ContentType,
    };

    [Function(nameof(GetRectifications))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "units/{unitId}/rectifications")] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (StorageLayout.UnitIdError(unitId) is { } unitError)
        {
            return ApiProblems.BadRequest(request, "invalid-unit-id", unitError);
        }

        var format = (request.Query["format"].ToString() is { Length: > 0 } f ? f : "json").ToLowerInvariant();
        if (!Formats.TryGetValue(format, out var contentType))
        {
            return ApiProblems.BadRequest(request, "invalid-format", "format 只能是 json、csv、xlsx 或 docx");
        }

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
}
