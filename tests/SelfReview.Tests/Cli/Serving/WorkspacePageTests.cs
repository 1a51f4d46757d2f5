using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SelfReview.Tests.Cli.Serving;

/// <summary>
/// The web page in a real browser: Debian's Chromium driven by Playwright (launched through its path;
/// <c>playwright install</c> cannot download here) against <c>selfreview serve</c> on a free loopback port,
/// at 1366×768. Each view is saved under artifacts/screenshots/.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WorkspacePageTests
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static readonly LocatorAssertionsToHaveCountOptions Processing = new() { Timeout = 90_000 };

    [Fact]
    public async Task Staff_UploadThreeFiles_WatchThemReachAcceptedAndRejected_OpenOne_AndDownloadTheList()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/setup.sh (apt-get install chromium)");
        await using var host = await ServeHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN", AcceptDownloads = true });

        await page.GotoAsync(host.Address.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "检视材料工作台" })).ToBeVisibleAsync();
        await Shot(page, "1-welcome");

        // Keyboard: the unit field is reachable and submits with Enter; a bad id is refused with a reason.
        await page.GetByLabel("单位标识").FillAsync("不合法 id");
        await page.GetByLabel("单位标识").PressAsync("Enter");
        await Expect(page.Locator("#unit-error")).ToContainTextAsync("单位标识只能包含");
        await page.GetByLabel("单位标识").FillAsync("fgj-2025");
        await page.GetByLabel("单位标识").PressAsync("Enter");
        await Expect(page.Locator("#unit-title")).ToHaveTextAsync("单位：fgj-2025");

        await page.Locator("#file-input").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "张三-检视材料.txt", MimeType = "text/plain", Buffer = await File.ReadAllBytesAsync(TestFiles.SeedText) },
            new FilePayload { Name = "李四-对照检查材料.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = await File.ReadAllBytesAsync(TestFiles.SeedDocx) },
            new FilePayload { Name = "损坏的文件.docx", MimeType = "application/octet-stream", Buffer = [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01] },
        });
        await Expect(page.Locator("#uploads li[data-result=uploaded]")).ToHaveCountAsync(3);
        await Expect(page.Locator("#statements tbody tr[data-status=accepted]")).ToHaveCountAsync(2, Processing);
        await Expect(page.Locator("#statements tbody tr[data-status=rejected]")).ToHaveCountAsync(1, Processing);
        var rejected = page.Locator("#statements tbody tr[data-status=rejected]");
        await Expect(rejected).ToContainTextAsync("损坏的文件.docx");
        await Expect(rejected).ToContainTextAsync("未通过");
        await Expect(page.Locator("#uploads progress").First).ToHaveAttributeAsync("value", "100");
        await Shot(page, "2-statements");

        await page.GetByRole(AriaRole.Button, new() { Name = "查看 李四-对照检查材料.docx" }).ClickAsync();
        await Expect(page.Locator("#statement .section")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#statement")).ToContainTextAsync("查摆问题");
        await Expect(page.Locator("#statement section[aria-label=查摆问题] .item .notes").First).ToContainTextAsync("类别：");
        await Expect(page.Locator("#statement")).ToContainTextAsync("时限：");
        await Shot(page, "3-statement");

        await page.GetByRole(AriaRole.Tab, new() { Name = "汇总" }).ClickAsync();
        await Expect(page.Locator("#view-summary .stats")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#view-summary")).ToContainTextAsync("成员与审核提示");
        await Shot(page, "4-summary");

        // Tabs also move with the arrow keys.
        await page.GetByRole(AriaRole.Tab, new() { Name = "汇总" }).PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "整改清单" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#view-rectifications tbody tr")).Not.ToHaveCountAsync(0, new() { Timeout = 30_000 });
        // Report files are named for the office, not by their storage names.
        await Expect(page.Locator("a[data-report='report.docx']")).ToHaveTextAsync("下载 情况报告（.docx）");
        await Expect(page.Locator("a[data-report^='note-']").First).ToContainTextAsync("退改意见：");
        await Shot(page, "5-rectifications");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[data-format=xlsx]").ClickAsync());
        var saved = Path.Combine(TestFiles.Screenshots, "整改清单-fgj-2025.xlsx");
        await download.SaveAsAsync(saved);
        Assert.Equal("整改清单-fgj-2025.xlsx", download.SuggestedFilename);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(saved))[..2]);
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestFiles.Screenshots, name + ".png"), FullPage = false });
}
