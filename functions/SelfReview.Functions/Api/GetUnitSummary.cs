using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/units/{unitId}/summary?format=json|md</c>: the unit summary the last consolidation wrote.</summary>
public sealed class GetUnitSummary(IStatementStore store)
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = "summary.json",
        ["md"] = "summary.md",
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
        if (!Formats.TryGetValue(format, out var name))
        {
            return ApiProblems.BadRequest(request, "invalid-format", "format 只能是 json 或 md");
        }

        return await store.GetReportAsync(unitId, name, cancellationToken) is { } file
            ? FileResults.Of(file, name.EndsWith(".json", StringComparison.Ordinal) ? ApiJson.ContentType : "text/markdown; charset=utf-8")
            : ApiProblems.NotFound(request, "summary-not-found", $"单位“{unitId}”尚未生成汇总：请先上传材料，处理完成后片刻即可获取");
    }
}
