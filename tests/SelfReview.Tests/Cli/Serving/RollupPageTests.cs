using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SelfReview.Tests.Cli.Serving;

/// <summary>
/// The rollup view (rollup.js) in Debian's Chromium against <c>selfreview serve</c>: two units placed below a
/// county through the API are added up on the county's 下级单位 tab, a third is placed there from the page,
/// and the workbook link points at the XLSX. Views saved under artifacts/screenshots/.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RollupPageTests
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task County_SeesItsUnitsAddedUp_AndAUnitIsPlacedBelowItFromThePage()
    {
        Assert.True(File.Exists(WorkspacePageTests.Chromium), $"{WorkspacePageTests.Chromium} is missing: run scripts/setup.sh (apt-get install chromium)");
        await using var host = await ServeHost.StartAsync();
        var seed = await File.ReadAllBytesAsync(TestFiles.SeedText);
        var other = await File.ReadAllBytesAsync(TestFiles.CorpusFile("029.txt"));
        foreach (var (unit, content) in new[] { ("town-east", seed), ("town-west", other) })
        {
            var upload = await host.SendAsync("POST", $"/api/units/{unit}/statements?fileName=member.txt", content);
            Assert.Equal(202, upload.Status);
            await host.ProcessAsync(unit);
            var placed = await host.SendAsync("PUT", $"/api/units/{unit}", Encoding.UTF8.GetBytes("""{"parent":"county-page"}"""), new Dictionary<string, string> { ["Content-Type"] = "application/json" });
            Assert.Equal(200, placed.Status);
        }

        // A third unit with a statement of its own, not yet placed anywhere.
        Assert.Equal(202, (await host.SendAsync("POST", "/api/units/village-north/statements?fileName=member.txt", await File.ReadAllBytesAsync(TestFiles.CorpusFile("031.txt")))).Status);
        await host.ProcessAsync("village-north");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = WorkspacePageTests.Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" });

        await page.GotoAsync(host.Address + "#/units/county-page/statements");
        await page.GetByRole(AriaRole.Tab, new() { Name = "下级单位" }).ClickAsync();
        await Expect(page.Locator("#rollup-units tbody tr")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(page.Locator("#rollup-totals")).ToContainTextAsync("下级单位 2 个");
        await Expect(page.Locator("#rollup-units tr[data-unit=town-east]")).ToContainTextAsync("county-page");
        Assert.Contains("format=xlsx", await page.Locator("#rollup-xlsx").GetAttributeAsync("href"), StringComparison.Ordinal);
        await Shot(page, "rollup-1-county");

        // A village office places its unit below the county on its own tab.
        await page.GotoAsync(host.Address + "#/units/village-north/rollup");
        await Expect(page.Locator("#rollup-empty")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByLabel("上级单位").FillAsync("county-page");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#toast")).ToContainTextAsync("county-page");
        await Expect(page.Locator("#rollup-parent-status")).ToContainTextAsync("本单位的上级单位：county-page");

        await page.GotoAsync(host.Address + "#/units/county-page/rollup");
        await Expect(page.Locator("#rollup-units tbody tr")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Expect(page.Locator("#rollup-units tr[data-unit=village-north]")).ToContainTextAsync("county-page");
        await Expect(page.Locator("#rollup-totals")).ToContainTextAsync("下级单位 3 个");
        await Shot(page, "rollup-2-three-units");
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestFiles.Screenshots, name + ".png"), FullPage = false });
}
