using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SelfReview.Api.Access;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Rollups;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api;

/// <summary>
/// The units, for both hosts: <c>GET /api/units</c> (the units with uploads or records that the caller may read,
/// and those granted to it), a unit's profile with its parent (<c>GET|PUT /api/units/{unitId}</c>), the rollup of
/// the units below one (<c>GET /api/units/{unitId}/rollup</c>, json or xlsx) and <c>GET /api/health</c>.
/// </summary>
public sealed class UnitEndpoints(IStatementStore store, ApiAccess access, UnitRollupBuilder rollups, RollupXlsxExporter rollupXlsx, TimeProvider time)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly UnitProfileStore _profiles = new(store);

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (caller, map, denied) = await access.AuthenticateAsync(request, cancellationToken);
        return denied ?? TypedResults.Json(new UnitList(await CallerUnits.UnitsOfAsync(caller!, map, store, cancellationToken)), ApiJson.UnitList, ApiJson.ContentType);
    }

    /// <summary>The unit's profile (its parent); a unit nobody placed has none.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, AccessRight.Read, cancellationToken) is { } problem)
        {
            return problem;
        }

        await access.AuditAsync(request, unitId, "read", "unit", cancellationToken);
        var profile = await _profiles.GetAsync(unitId, cancellationToken) ?? new UnitProfile { UnitId = unitId };
        return TypedResults.Json(profile, SelfReviewJson.UnitProfile, ApiJson.ContentType);
    }

    /// <summary>
    /// <c>{"parent": "county"}</c> places the unit under a parent (<c>null</c> takes it out): the edit right on the
    /// unit is needed, as for anything that changes it — its figures then show in the parent's rollup.
    /// </summary>
    public async Task<IResult> PutAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, AccessRight.Edit, cancellationToken) is { } problem)
        {
            return problem;
        }

        UnitParentRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ApiJson.UnitParentRequest, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return ApiProblems.BadRequest(request, "invalid-body", "请求体须为 JSON：{\"parent\": \"上级单位标识\"}，或 {\"parent\": null} 取消上级单位");
        }

        switch (await _profiles.SetParentAsync(unitId, body.Parent is { Length: > 0 } p ? p : null, cancellationToken))
        {
            case ParentOutcome.Changed changed:
                await access.AuditAsync(request, unitId, "parent", changed.Profile.Parent, cancellationToken);
                return TypedResults.Json(changed.Profile, SelfReviewJson.UnitProfile, ApiJson.ContentType);
            case ParentOutcome.Refused refused:
                return ApiProblems.BadRequest(request, "invalid-parent", refused.Reason);
            default:
                throw new InvalidOperationException("unknown outcome");
        }
    }

    /// <summary>
    /// The figures of every unit below this one (<see cref="UnitRollup"/>), from their summaries: <c>?format=json</c>
    /// (default) or <c>xlsx</c> (汇总表-{unitId}.xlsx). Whoever may read the parent sees the rollup of its units.
    /// </summary>
    public async Task<IResult> RollupAsync(HttpRequest request, string unitId, CancellationToken cancellationToken)
    {
        if (await CheckAsync(request, unitId, AccessRight.Read, cancellationToken) is { } problem)
        {
            return problem;
        }

        var format = (request.Query["format"].ToString() is { Length: > 0 } f ? f : "json").ToLowerInvariant();
        if (format is not ("json" or "xlsx"))
        {
            return ApiProblems.BadRequest(request, "invalid-format", "format 只能是 json 或 xlsx");
        }

        await access.AuditAsync(request, unitId, "read", "rollup", cancellationToken);
        var rollup = await new UnitRollupAggregator(store, rollups).AggregateAsync(unitId, DateOnly.FromDateTime(time.GetLocalNow().DateTime), cancellationToken);
        if (format == "json")
        {
            return TypedResults.Json(rollup, SelfReviewJson.UnitRollup, ApiJson.ContentType);
        }

        request.HttpContext.Response.Headers.ContentDisposition = ContentDisposition.Attachment("rollup-" + unitId + ".xlsx", "汇总表-" + unitId + ".xlsx");
        return TypedResults.Bytes(rollupXlsx.Export(rollup), XlsxType);
    }

    public static IResult Health() =>
        TypedResults.Json(new HealthReport("ok", StatementProcessor.EngineVersion), ApiJson.HealthReport, ApiJson.ContentType);

    private async Task<IResult?> CheckAsync(HttpRequest request, string unitId, AccessRight needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.AuthorizeAsync(request, unitId, needed, cancellationToken) is { } denied)
        {
            return denied;
        }

        return StorageLayout.UnitIdError(unitId) is { } unitError ? ApiProblems.BadRequest(request, "invalid-unit-id", unitError) : null;
    }
}
