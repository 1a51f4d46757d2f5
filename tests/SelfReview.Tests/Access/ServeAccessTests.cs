using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.OpenApi.Readers;
using SelfReview.Api.Access;
using SelfReview.Cli;
using SelfReview.Pipeline.Access;

namespace SelfReview.Tests.Access;

/// <summary>serve's own credentials: the loopback owner, API keys from the command line, password sessions with lock-out and CSRF protection, the audit.</summary>
[Trait("Category", "Integration")]
public sealed class ServeAccessTests
{
    private static async Task<(int Code, string Out)> CliAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(stdin), output, error);
        return (code, output + error.ToString());
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, object? json = null, bool pageHeader = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (pageHeader)
        {
            request.Headers.Add(ApiAccess.RequestHeader, "1");
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return request;
    }

    [Fact]
    public void Matrix_CoversEveryOperationOfTheOpenApiDocument_ButServesSignInAndOut()
    {
        using var stream = File.OpenRead(TestFiles.OpenApi);
        var document = new OpenApiStreamReader().Read(stream, out _);
        var described = document.Paths.SelectMany(p => p.Value.Operations.Where(o => !o.Value.Extensions.ContainsKey("x-selfreview-hosts")).Select(o => (o.Key.ToString().ToUpperInvariant(), p.Key)));

        Assert.Equal(described.Order(), AccessMatrix.Routes.Select(r => (r.Method, "/" + r.Route)).Order());
    }

    [Fact]
    public async Task Loopback_WithoutAnyCredential_LetsThePersonAtTheMachineIn_AsAdministrator()
    {
        await using var host = await ServeHost.StartAsync(withKeys: false);

        var session = await host.Client.GetFromJsonAsync<JsonElement>("/api/session");
        using var request = Request(HttpMethod.Post, "/api/units/unit-a/statements?fileName=a.txt");
        request.Content = new StringContent("一、存在的问题\n（一）学习不够。\n");
        using var upload = await host.Client.SendAsync(request);

        Assert.Equal("local:owner", session.GetProperty("caller").GetString());
        Assert.True(session.GetProperty("administrator").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        // Even the owner's browser needs the page's header on a change: a cross-site form cannot add it.
        using var forgedRequest = new HttpRequestMessage(HttpMethod.Post, "/api/units/unit-a/statements?fileName=b.txt") { Content = new StringContent("x") };
        forgedRequest.Headers.Add("Origin", "http://evil.example");
        using var forged = await host.Client.SendAsync(forgedRequest);
        using var crossSiteRequest = new HttpRequestMessage(HttpMethod.Post, "/api/units/unit-a/statements?fileName=c.txt") { Content = new StringContent("x") };
        crossSiteRequest.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var crossSite = await host.Client.SendAsync(crossSiteRequest);
        using var sameOriginRequest = new HttpRequestMessage(HttpMethod.Post, "/api/units/unit-a/statements?fileName=d.txt") { Content = new StringContent("一、存在的问题\n（一）作风不实。\n") };
        sameOriginRequest.Headers.Add("Origin", host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        sameOriginRequest.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var sameOrigin = await host.Client.SendAsync(sameOriginRequest);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, sameOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("\"code\":\"csrf\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOtherAddress_AnswersOnlyHealth_WithoutCredentials()
    {
        Assert.False(ServeCallerResolver.IsLoopbackOnly(["http://0.0.0.0:5080"]));
        Assert.False(ServeCallerResolver.IsLoopbackOnly(["http://127.0.0.1:5080", "http://192.168.1.20:5080"]));
        Assert.False(ServeCallerResolver.IsLoopbackOnly(["http://+:5080"]));
        Assert.True(ServeCallerResolver.IsLoopbackOnly(["http://127.0.0.1:5080", "http://[::1]:5080", "http://localhost:5080"]));
        await using var host = await ServeHost.StartAsync(withKeys: false, url: "http://0.0.0.0:0");

        using var health = await host.Client.GetAsync("/api/health");
        using var units = await host.Client.GetAsync("/api/units");
        using var session = await host.Client.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, units.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
    }

    [Fact]
    public async Task KeysAdd_PrintsTheKeyOnceOnTheLastLine_StoresOnlyItsHash_AndRevokeEndsIt()
    {
        await using var host = await ServeHost.StartAsync(withKeys: false);

        var (code, output) = await CliAsync("", "keys", "add", "exporter", "--data", host.Data, "--units", "unit-a", "--read-only");
        var key = output.TrimEnd().Split('\n')[^1].Trim();
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/units/unit-a/statements") { Headers = { { "Authorization", "Bearer " + key } } };
        using var readAnswer = await host.Client.SendAsync(read);
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/units/unit-a/statements?fileName=a.txt") { Headers = { { "Authorization", "Bearer " + key } }, Content = new StringContent("x") };
        using var writeAnswer = await host.Client.SendAsync(write);
        var (_, list) = await CliAsync("", "keys", "list", "--data", host.Data);
        var (revoked, _) = await CliAsync("", "keys", "revoke", "exporter", "--data", host.Data);
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/units/unit-a/statements") { Headers = { { "Authorization", "Bearer " + key } } };
        using var afterAnswer = await host.Client.SendAsync(after);

        Assert.Equal(0, code);
        Assert.Matches("^srk_[A-Za-z0-9_-]{43}$", key);
        Assert.DoesNotContain(key, await File.ReadAllTextAsync(Path.Combine(host.Data, "access", "access.json")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, readAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeAnswer.StatusCode);
        Assert.StartsWith("exporter\t", list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.Equal(0, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, afterAnswer.StatusCode);
    }

    [Fact]
    public async Task PasswordSignIn_GivesACookieSession_LocksOutAfterFiveFailures_AndSignsOut()
    {
        await using var host = await ServeHost.StartAsync(withKeys: false);
        Assert.Equal(0, (await CliAsync("correct horse 1\n", "users", "add", "wang", "--data", host.Data, "--units", "unit-a")).Code);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = host.Client.BaseAddress };

        using var anonymous = await browser.GetAsync("/api/units");
        using var noHeaderRequest = Request(HttpMethod.Post, "/api/session", new { name = "wang", password = "correct horse 1" }, pageHeader: false);
        noHeaderRequest.Headers.Add("Origin", "http://evil.example");
        using var noHeader = await browser.SendAsync(noHeaderRequest);
        using var signIn = await browser.SendAsync(Request(HttpMethod.Post, "/api/session", new { name = "wang", password = "correct horse 1" }));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        var units = await browser.GetFromJsonAsync<JsonElement>("/api/units");
        using var other = await browser.GetAsync("/api/units/unit-b/statements");
        using var upload = await browser.SendAsync(Request(HttpMethod.Post, "/api/units/unit-a/statements?fileName=a.txt"));
        using var signOut = await browser.SendAsync(Request(HttpMethod.Delete, "/api/session"));
        using var afterSignOut = await browser.GetAsync("/api/units");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["unit-a"], units.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);

        var failures = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            using var wrong = await browser.SendAsync(Request(HttpMethod.Post, "/api/session", new { name = "wang", password = "wrong " + i }));
            failures.Add((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        using var lockedOut = await browser.SendAsync(Request(HttpMethod.Post, "/api/session", new { name = "wang", password = "correct horse 1" }));
        Assert.Equal(["sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "locked-out"], failures);
        Assert.Equal(HttpStatusCode.Unauthorized, lockedOut.StatusCode);
        Assert.Contains("locked-out", await lockedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", await File.ReadAllTextAsync(Path.Combine(host.Data, "access", "access.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_RecordsWhoDidWhatInTheUnit_ByIdsOnly_AndOnlyTheUnitsAdministratorsReadIt()
    {
        await using var host = await ServeHost.StartAsync();
        var edit = host.HeadersOf(CallerKind.Edit)["Authorization"];
        var admin = host.HeadersOf(CallerKind.Admin)["Authorization"];
        var text = Encoding.UTF8.GetBytes("一、存在的问题\n（一）理论学习不够深入，学用脱节。\n");
        await host.SendAsync("POST", "/api/units/unit-a/statements?fileName=" + Uri.EscapeDataString("李四-发言.txt"), new Dictionary<string, string> { ["Authorization"] = edit }, text);
        await host.SendAsync("GET", "/api/units/unit-a/rectifications?format=xlsx", new Dictionary<string, string> { ["Authorization"] = edit }, null);
        await host.SendAsync("GET", "/api/units/unit-a/statements", host.HeadersOf(CallerKind.OtherUnit), null);

        var (editorReads, _) = await host.SendAsync("GET", "/api/units/unit-a/audit", new Dictionary<string, string> { ["Authorization"] = edit }, null);
        var (status, body) = await host.SendAsync("GET", "/api/units/unit-a/audit", new Dictionary<string, string> { ["Authorization"] = admin }, null);
        var events = JsonDocument.Parse(body).RootElement.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), e.GetProperty("target").GetString(), e.GetProperty("outcome").GetString())).ToList();

        Assert.Equal(403, editorReads);
        Assert.Equal(200, status);
        Assert.Equal(
            [
                ("key:edit", "upload", Pipeline.StatementProcessor.StatementIdOf(text), "allowed"),
                ("key:edit", "export", "rectifications.xlsx", "allowed"),
                ("key:otherunit", "denied:read", null, "denied"),
                ("key:edit", "denied:administer", null, "denied"),
            ],
            events);
        var trail = string.Concat(Directory.GetFiles(Path.Combine(host.Data, "tracking", "unit-a", "audit")).Select(File.ReadAllText));
        Assert.DoesNotContain("李四", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("理论学习", trail, StringComparison.Ordinal);
    }
}
