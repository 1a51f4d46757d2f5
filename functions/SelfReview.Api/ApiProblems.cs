using Microsoft.AspNetCore.Http;

namespace SelfReview.Api;

/// <summary>
/// Errors as Problem Details (RFC 9457, <c>application/problem+json</c>): a stable <c>type</c> per kind
/// of problem, a Chinese <c>title</c> and <c>detail</c> for people, and the same kind as <c>code</c>.
/// </summary>
public static class ApiProblems
{
    public const string TypePrefix = "urn:selfreview:problem:";

    public static IResult BadRequest(HttpRequest request, string code, string detail) =>
        Problem(request, StatusCodes.Status400BadRequest, code, "请求无效", detail);

    public static IResult NotFound(HttpRequest request, string code, string detail) =>
        Problem(request, StatusCodes.Status404NotFound, code, "未找到", detail);

    public static IResult Conflict(HttpRequest request, string code, string detail) =>
        Problem(request, StatusCodes.Status409Conflict, code, "与已有文件冲突", detail);

    public static IResult TooLarge(HttpRequest request, long maxBytes) =>
        Problem(request, StatusCodes.Status413PayloadTooLarge, "too-large", "文件过大", $"文件不能超过 {maxBytes / (1024 * 1024)} MB");

    public static IResult Problem(HttpRequest request, int status, string code, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TypedResults.Problem(
            detail: detail,
            instance: request.Path.Value,
            statusCode: status,
            title: title,
            type: TypePrefix + code,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
