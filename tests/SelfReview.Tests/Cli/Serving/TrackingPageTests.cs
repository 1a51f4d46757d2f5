using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SelfReview.Tests.Cli.Serving;

/// <summary>
/// Tracking on the page (tracking.js) in Debian's Chromium against <c>selfreview serve</c>, set up as
/// <see cref="WorkspacePageTests"/>: a row's status and progress changed in place survive a reload; the
/// reminders view lists the overdue rows; the completion rate follows. Views saved under artifacts/screenshots/.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TrackingPageTests
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task Staff_ChangeARowsStatusInPlace_SeeItAfterAReload_AndSeeTheOverdueRows()
    {
        Assert.True(File.Exists(WorkspacePageTests.Chromium), $"{WorkspacePageTests.Chromium} is missing: run scripts/setup.sh (apt-get install chromium)");
        await using var host = await ServeHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = WorkspacePageTests.Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" });

        await page.GotoAsync(host.Address.ToString());
        await page.GetByLabel("单位标识").FillAsync("track-page");
        await page.GetByLabel("单位标识").PressAsync("Enter");
        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload { Name = "张三-检视材料.txt", MimeType = "text/plain", Buffer = await File.ReadAllBytesAsync(TestFiles.SeedText) });
        await Expect(page.Locator("#statements tbody tr[data-status=accepted]")).ToHaveCountAsync(1, new() { Timeout = 90_000 });

        // The list is written by consolidation after the record: wait for it, then open the tab.
        await host.ProcessAsync("track-page");
        await page.GetByRole(AriaRole.Tab, new() { Name = "整改清单" }).ClickAsync();
        var status = page.GetByLabel("序号 1 的完成情况");
        await Expect(status).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(status).ToHaveValueAsync("未完成");

        // Keyboard only: choose the status, type the progress, Enter saves.
        await status.SelectOptionAsync("推进中");
        await page.GetByLabel("序号 1 的整改进展").FillAsync("已召开专题学习会两次");
        await page.GetByLabel("序号 1 的整改进展").PressAsync("Enter");
        await Expect(page.Locator("#toast")).ToContainTextAsync("序号 1 已保存");
        await page.GetByRole(AriaRole.Button, new() { Name = "完成率" }).ClickAsync();
        await Expect(page.Locator("[data-rate=unit]")).ToContainTextAsync("完成率 0%");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("序号 1 的完成情况")).ToHaveValueAsync("推进中", new() { Timeout = 30_000 });
        await Expect(page.Locator("#view-rectifications tr[data-row-id]").First).ToContainTextAsync("最新进展：已召开专题学习会两次");
        await Shot(page, "tracking-1-edited");

        // The seed's measures are due in its meeting year, long past: the reminders view lists them as overdue.
        await page.GetByRole(AriaRole.Button, new() { Name = "到期提醒" }).ClickAsync();
        await Expect(page.Locator(".tracking-panel")).ToContainTextAsync("会议日期");
        await Expect(page.Locator("table[data-due=overdue] tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("table[data-due=overdue]")).ToContainTextAsync("推进中");
        await Shot(page, "tracking-2-due");
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestFiles.Screenshots, name + ".png"), FullPage = false });
}
