using Microsoft.Playwright;
using SelfReview.Tests.Roster;
using static Microsoft.Playwright.Assertions;

namespace SelfReview.Tests.Cli.Serving;

/// <summary>
/// The roster on the page, in Debian's Chromium (the setup of <see cref="WorkspacePageTests"/>): an office
/// imports its roster, sees each statement matched to a person, sets one owner by hand with the keyboard,
/// and the rectification list shows names with their 职务, never a file stem. Views under artifacts/screenshots/roster-*.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RosterPageTests
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task Office_ImportsARoster_SetsAnOwnerByHand_AndSeesNamesInTheList()
    {
        Assert.True(File.Exists(WorkspacePageTests.Chromium), $"{WorkspacePageTests.Chromium} is missing: run scripts/setup.sh (apt-get install chromium)");
        await using var host = await ServeHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = WorkspacePageTests.Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN", AcceptDownloads = true });

        await page.GotoAsync(host.Address + "#/units/roster-page/statements");
        await page.Locator("#file-input").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "000_2b906ff47b59dcbb.txt", MimeType = "text/plain", Buffer = await File.ReadAllBytesAsync(TestFiles.SeedText) },
            new FilePayload { Name = "002.txt", MimeType = "text/plain", Buffer = await File.ReadAllBytesAsync(TestFiles.CorpusFile("002.txt")) },
        });
        await Expect(page.Locator("#statements tbody tr[data-status=accepted]")).ToHaveCountAsync(2, new() { Timeout = 90_000 });
        await host.ProcessAsync("roster-page");

        await page.GetByRole(AriaRole.Tab, new() { Name = "名册与个人清单" }).ClickAsync();
        await Expect(page.Locator("#roster-status")).ToContainTextAsync("尚未导入名册");
        var csv = RosterSheets.GbkCsv("姓名,职务,分管领域,文件名\r\n韩明,党组书记、局长,全面工作,000_2b906ff47b59dcbb.txt\r\n刘芳,副局长,理论学习、意识形态,\r\n");
        await page.Locator("#roster-input").SetInputFilesAsync(new FilePayload { Name = "名册.csv", MimeType = "text/csv", Buffer = csv });
        await Expect(page.Locator("#roster-status")).ToContainTextAsync("共 2 人；2 份材料中 1 份已对应");
        await Expect(page.Locator("#roster-matches tr[data-matched=rosterFileName] td.owner")).ToHaveTextAsync("韩明");
        await Shot(page, "roster-1-imported");

        // By hand, with the keyboard: focus the select of 002.txt and choose 刘芳.
        var select = page.GetByLabel("为 002.txt 指定责任人");
        await select.FocusAsync();
        await select.SelectOptionAsync(new SelectOptionValue { Label = "刘芳（副局长）" });
        try
        {
            await Expect(page.Locator("#roster-matches tr[data-matched=assigned] td.owner")).ToHaveTextAsync("刘芳", new() { Timeout = 30_000 });
        }
        finally
        {
            await Shot(page, "roster-1b-assigned");
        }

        await host.ProcessAsync("roster-page");

        await page.GetByRole(AriaRole.Tab, new() { Name = "整改清单" }).ClickAsync();
        var owners = page.Locator("#view-rectifications tbody td.owners");
        await Expect(owners.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#view-rectifications tbody")).ToContainTextAsync("韩明（党组书记、局长）");
        await Expect(page.Locator("#view-rectifications tbody")).ToContainTextAsync("刘芳（副局长）");
        await Expect(page.Locator("#view-rectifications tbody")).Not.ToContainTextAsync("000_2b90");
        await Expect(page.Locator("#view-rectifications tbody")).Not.ToContainTextAsync("待确认");
        await Expect(page.Locator("#view-rectifications a[data-report='team-list.docx']")).ToHaveTextAsync("下载 班子整改清单（.docx）");
        await Shot(page, "roster-2-list");

        await page.GetByRole(AriaRole.Tab, new() { Name = "名册与个人清单" }).ClickAsync();
        await Expect(page.Locator("#view-roster a[data-report^='personal-']")).ToHaveCountAsync(2);
        await Expect(page.Locator("#view-roster .downloads")).ToContainTextAsync("个人整改清单：韩明");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("下载 个人整改清单：刘芳").ClickAsync());
        var saved = Path.Combine(TestFiles.Screenshots, "个人整改清单-刘芳.docx");
        await download.SaveAsAsync(saved);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(saved))[..2]);
        await Shot(page, "roster-3-downloads");
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestFiles.Screenshots, name + ".png"), FullPage = true });
}
