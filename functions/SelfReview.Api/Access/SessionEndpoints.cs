using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Api.Access;

/// <summary>
/// The caller's session: <c>GET /api/session</c> on both hosts (who am I, which units with which right —
/// the page shows only those); on serve also <c>POST /api/session</c> (sign in with name and password: a
/// cookie session) and <c>DELETE /api/session</c> (sign out). In Azure, App Service authentication signs
/// people in (<c>/.auth/login/aad</c>).
/// </summary>
public sealed class SessionEndpoints(ApiAccess access, IStatementStore statements, PasswordSignIn? passwords = null)
{
    /// <summary>The cookie authentication scheme of serve's password sessions.</summary>
    public const string Scheme = "SelfReview.Session";

    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (caller, map, denied) = await access.AuthenticateAsync(request, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var units = await CallerUnits.UnitsOfAsync(caller!, map, statements, cancellationToken);
        var rights = units.Select(u => new UnitRight(u, UnitAccessPolicy.RightOn(caller!, map, u)!.Value)).ToList();
        return TypedResults.Json(new SessionInfo(caller!.Id, UnitAccessPolicy.IsAdministrator(caller, map), rights), ApiJson.SessionInfo, ApiJson.ContentType);
    }

    public async Task<IResult> SignInAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (passwords is null)
        {
            return ApiProblems.NotFound(request, "no-password-sign-in", "此处不使用密码登录");
        }

        if (ApiAccess.MayBeForged(request))
        {
            return ApiProblems.Problem(request, StatusCodes.Status403Forbidden, "csrf", "没有权限", $"登录请求须由本系统页面发出（缺少请求头 {ApiAccess.RequestHeader}）");
        }

        SignInRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ApiJson.SignInRequest, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is not { Name: { Length: > 0 } name, Password: { Length: > 0 } password })
        {
            return ApiProblems.BadRequest(request, "invalid-sign-in", "请填写用户名和密码");
        }

        switch (await passwords.SignInAsync(name, password, cancellationToken))
        {
            case SignInOutcome.SignedIn:
                await request.HttpContext.SignInAsync(Scheme, ServeCallerResolver.SessionPrincipal(name, Scheme));
                return TypedResults.NoContent();
            case SignInOutcome.LockedOut:
                return ApiProblems.Problem(request, StatusCodes.Status401Unauthorized, "locked-out", "需要登录", "连续登录失败次数过多，账号已暂时锁定，请稍后再试");
            default:
                return ApiProblems.Problem(request, StatusCodes.Status401Unauthorized, "sign-in-failed", "需要登录", "用户名或密码不正确");
        }
    }

    public static async Task<IResult> SignOutAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await request.HttpContext.SignOutAsync(Scheme);
        return TypedResults.NoContent();
    }
}
