using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using SelfReview.Api;

namespace SelfReview.Functions.Api;

/// <summary><c>GET /api/web/{path}</c> (anonymous): the web page's static files, so the page works against the Functions app too (it asks for the function key, which it sends as <c>code</c>).</summary>
public sealed class GetWebPage
{
    [Function(nameof(GetWebPage))]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Web)] HttpRequest request,
        string? path) =>
        WebPage.Get(request.HttpContext, path);
}
