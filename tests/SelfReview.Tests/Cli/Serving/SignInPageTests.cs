using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfReview.Cli;
using SelfReview.Cli.Serving;
using static Microsoft.Playwright.Assertions;

namespace SelfReview.Tests.Cli.Serving;

/// <summary>
/// The page's sign-in and unit filter in Debian's Chromium, against <c>selfreview serve</c> bound to every
/// address (so nothing answers without credentials) over a data folder whose people were made with
/// <c>selfreview users add</c>: a wrong password is refused in Chinese, a person sees only the units granted,
/// cannot open another by its URL, and sees it once an administrator grants it in 权限管理. Screenshots go to
/// artifacts/screenshots/signin-*.png.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignInPageTests
{
    private const string WangPassword = "wang-passw0rd";
    private const string AdminPassword = "admin-passw0rd";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static async Task<string> RunCliAsync(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(stdin), stdout, stderr);
        Assert.True(code == 0, $"selfreview {string.Join(' ', args)}: {stderr}");
        return stdout.ToString().TrimEnd().Split('\n')[^1].Trim();
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestFiles.Screenshots, "signin-" + name + ".png"), FullPage = true });

    private static async Task SignInAsync(IPage page, string name, string password)
    {
        var dialog = page.Locator("#signin");
        await dialog.GetByLabel("用户名").FillAsync(name);
        await dialog.GetByLabel("密码").FillAsync(password);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    [Fact]
    public async Task Person_SignsIn_SeesOnlyTheirUnit_UntilAnAdministratorGrantsAnother()
    {
        Assert.True(File.Exists(WorkspacePageTests.Chromium), $"{WorkspacePageTests.Chromium} is missing: run scripts/setup.sh (apt-get install chromium)");
        var data = Directory.CreateTempSubdirectory("selfreview-signin-").FullName;
        await RunCliAsync(WangPassword + "\n", "users", "add", "wang", "--data", data, "--units", "unit-a");
        await RunCliAsync(AdminPassword + "\n", "users", "add", "chief", "--data", data, "--admin");
        var loader = await RunCliAsync("", "keys", "add", "loader", "--data", data, "--units", "unit-a,unit-b");

        await using var app = ServeApp.Build(data, "http://0.0.0.0:0", new Dictionary<string, string?> { ["Consolidation:DelaySeconds"] = "0" });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        using (var client = new HttpClient { BaseAddress = address })
        {
            foreach (var unit in new[] { "unit-a", "unit-b" })
            {
                using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/units/{unit}/statements?fileName=seed.txt") { Content = new ByteArrayContent(await File.ReadAllBytesAsync(TestFiles.SeedText)) };
                upload.Headers.Authorization = new("Bearer", loader);
                Assert.Equal(System.Net.HttpStatusCode.Accepted, (await client.SendAsync(upload)).StatusCode);
            }

            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/units")).StatusCode);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = WorkspacePageTests.Chromium, Headless = true, Args = ChromiumArgs });
        var options = new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" };
        await using var wangContext = await browser.NewContextAsync(options);
        var wang = await wangContext.NewPageAsync();

        await wang.GotoAsync(address.ToString());
        await Expect(wang.Locator("#signin")).ToBeVisibleAsync();
        await Expect(wang.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
        await Shot(wang, "1-form");

        await SignInAsync(wang, "wang", "not-the-password");
        await Expect(wang.Locator("#signin .signin-error")).ToHaveTextAsync("用户名或密码不正确");
        await Shot(wang, "2-wrong-password");

        await SignInAsync(wang, "wang", WangPassword);
        await Expect(wang.Locator("#unit-list button")).ToHaveTextAsync(["unit-a"]);
        await Expect(wang.GetByRole(AriaRole.Button, new() { Name = "退出登录（wang）" })).ToBeVisibleAsync();
        await Expect(wang.GetByRole(AriaRole.Button, new() { Name = "权限管理" })).ToHaveCountAsync(0);
        await Shot(wang, "3-own-unit");

        // Another unit by its URL: the API refuses, the page says why and shows none of its statements.
        await wang.GotoAsync(address + "#/units/unit-b/statements");
        await Expect(wang.Locator("#toast")).ToContainTextAsync("没有访问单位“unit-b”");
        await Expect(wang.Locator("#statements tbody tr")).ToHaveCountAsync(0);
        await Expect(wang.Locator("#unit-list button")).ToHaveTextAsync(["unit-a"]);
        await Shot(wang, "4-other-unit-refused");

        await using var chiefContext = await browser.NewContextAsync(options);
        var chief = await chiefContext.NewPageAsync();
        await chief.GotoAsync(address.ToString());
        await SignInAsync(chief, "chief", AdminPassword);
        await Expect(chief.Locator("#unit-list button")).ToHaveTextAsync(["unit-a", "unit-b"]);
        await chief.GetByRole(AriaRole.Button, new() { Name = "权限管理" }).ClickAsync();
        var panel = chief.Locator("#access");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.Locator("tr[data-principal='user:wang']")).ToContainTextAsync("unit-a");
        await panel.GetByLabel("主体", new() { Exact = true }).FillAsync("user:wang");
        await panel.GetByLabel("单位", new() { Exact = true }).FillAsync("unit-a, unit-b");
        await panel.GetByLabel("权限", new() { Exact = true }).SelectOptionAsync("read");
        await panel.GetByRole(AriaRole.Button, new() { Name = "保存授权" }).ClickAsync();
        await Expect(panel.Locator("tr[data-principal='user:wang']")).ToContainTextAsync("unit-a，unit-b");
        await Expect(panel.Locator("tr[data-principal='user:wang']")).ToContainTextAsync("只读");
        await Expect(panel.Locator("#access-error")).ToBeEmptyAsync();
        await Shot(chief, "5-access-panel");

        await wang.GotoAsync(address.ToString());
        await Expect(wang.Locator("#unit-list button")).ToHaveTextAsync(["unit-a", "unit-b"]);
        await wang.Locator("#unit-list button", new() { HasText = "unit-b" }).ClickAsync();
        await Expect(wang.Locator("#statements tbody tr")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Shot(wang, "6-granted-unit");

        await app.StopAsync();
        Directory.Delete(data, recursive: true);
    }
}
