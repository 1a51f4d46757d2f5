using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api.Access;

/// <summary>
/// The one access check of every endpoint but <c>/api/health</c>, on both hosts: who calls
/// (<see cref="ICallerResolver"/>), whether they may act on the unit (<see cref="UnitAccessPolicy"/>),
/// and the audit line. 401 without a (valid) credential, 403 for another unit, a right too low, or a
/// change a browser sent from another site (CSRF: <see cref="MayBeForged"/>; serve's cookies are also SameSite=Strict).
/// </summary>
public sealed partial class ApiAccess(IAccessStore store, ICallerResolver resolver, TimeProvider time, ILogger<ApiAccess> logger)
{
    /// <summary>The header the page adds to every change (any value); bearer-key callers need not.</summary>
    public const string RequestHeader = "X-SelfReview-Request";

    private const string CallerItem = "SelfReview.Caller";

    /// <summary>The caller this request was authorized as (after a successful check), or null.</summary>
    public static CallerIdentity? CallerOf(HttpRequest request) =>
        request?.HttpContext.Items.TryGetValue(CallerItem, out var caller) == true ? caller as CallerIdentity : null;

    /// <summary>Null when the caller may act with <paramref name="needed"/> on the unit; otherwise the 401/403 answer (and the denial is audited).</summary>
    public async Task<IResult?> AuthorizeAsync(HttpRequest request, string unitId, AccessRight needed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, map, denied) = await AuthenticateAsync(request, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (!StorageLayout.IsValidUnitId(unitId))
        {
            return null; // the endpoint answers 400 for the id itself; nothing of any unit is touched
        }

        if (UnitAccessPolicy.Decide(caller, map, unitId, needed) == AccessDecision.Allowed)
        {
            return null;
        }

        LogDenied(logger, needed, request.Method);
        await store.AppendAuditAsync(new AuditEvent(time.GetUtcNow(), unitId, caller!.Id, "denied:" + needed.ToString().ToLowerInvariant(), null, "denied"), cancellationToken);
        return Forbidden(request, $"没有访问单位“{unitId}”的{RightName(needed)}权限");
    }

    /// <summary>Null when the caller is an administrator (the access map); otherwise 401/403.</summary>
    public async Task<IResult?> AuthorizeAdministratorAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (caller, map, denied) = await AuthenticateAsync(request, cancellationToken);
        return denied ?? (UnitAccessPolicy.IsAdministrator(caller!, map) ? null : Forbidden(request, "只有管理员可以查看或修改访问权限"));
    }

    /// <summary>The caller and the map, or the 401 answer; for the routes any signed-in caller may use.</summary>
    public async Task<(CallerIdentity? Caller, AccessMap Map, IResult? Denied)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var map = (await store.GetMapAsync(cancellationToken)).Map;
        var caller = await resolver.ResolveAsync(request.HttpContext, map, cancellationToken);
        if (caller is null)
        {
            return (null, map, ApiProblems.Problem(request, StatusCodes.Status401Unauthorized, "unauthenticated", "需要登录", "请先登录，或在请求头 Authorization: Bearer 中提供有效的访问密钥"));
        }

        if (caller.Ambient && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && MayBeForged(request))
        {
            return (caller, map, Forbidden(request, $"修改请求须由本系统页面发出（缺少请求头 {RequestHeader}）", "csrf"));
        }

        request.HttpContext.Items[CallerItem] = caller;
        return (caller, map, null);
    }

    /// <summary>Appends to the unit's audit trail what the authorized caller did (ids only, never content).</summary>
    public Task AuditAsync(HttpRequest request, string unitId, string action, string? target, CancellationToken cancellationToken)
    {
        var caller = CallerOf(request) ?? throw new InvalidOperationException("audit before authorization");
        return store.AppendAuditAsync(new AuditEvent(time.GetUtcNow(), unitId, caller.Id, action, target, "allowed"), cancellationToken);
    }

    /// <summary>
    /// A change that may come from another site: without the page's header, and sent by a browser from
    /// another origin (<c>Origin</c> of another host, or <c>Sec-Fetch-Site</c> other than same-origin; browsers
    /// set both on cross-origin requests and scripts cannot change them). Same-origin pages and non-browser
    /// clients pass; the page adds the header anyway (signin.js).
    /// </summary>
    public static bool MayBeForged(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[RequestHeader].Count > 0)
        {
            return false;
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static IResult Forbidden(HttpRequest request, string detail, string code = "forbidden") =>
        ApiProblems.Problem(request, StatusCodes.Status403Forbidden, code, "没有权限", detail);

    private static string RightName(AccessRight right) => right switch
    {
        AccessRight.Read => "查看",
        AccessRight.Edit => "修改",
        _ => "管理",
    };

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Access denied: {Needed} needed for a {Method} request")]
    private static partial void LogDenied(ILogger logger, AccessRight needed, string method);
}
