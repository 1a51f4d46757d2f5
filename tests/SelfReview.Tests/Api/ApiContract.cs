using System.Text;
using System.Text.Json;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Tests.Functions;

namespace SelfReview.Tests.Api;

/// <summary>
/// The HTTP API's answers to good and bad requests: one suite, run against the Functions app's classes
/// on Azurite (<c>FunctionsApiTests</c>) and against <c>selfreview serve</c> over HTTP (<c>ServeApiTests</c>),
/// so both hosts answer with the same statuses, Problem Details and bodies.
/// </summary>
public abstract partial class ApiContract
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("一、存在的问题\n（一）理论学习不够深入。\n");

    protected abstract Task<IApiHost> StartAsync();

    private static string NewUnit() => "api-" + Guid.NewGuid().ToString("N")[..10];

    private static Task<ApiResponse> UploadAsync(IApiHost app, string unitId, string? fileName, byte[] body, bool nameInQuery = false, bool announceLength = true)
    {
        var headers = new Dictionary<string, string>();
        var query = "";
        if (fileName is not null && nameInQuery)
        {
            query = "?fileName=" + Uri.EscapeDataString(fileName);
        }
        else if (fileName is not null)
        {
            // RFC 8187 ext-value, as a client sends a Chinese name in a header.
            headers["X-File-Name"] = fileName.All(char.IsAscii) ? fileName : "UTF-8''" + Uri.EscapeDataString(fileName);
        }

        return app.SendAsync("POST", $"/api/units/{unitId}/statements{query}", body, headers, announceLength);
    }

    private static void AssertProblem(ApiResponse response, int status, string code)
    {
        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        var problem = response.Json();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("urn:selfreview:problem:" + code, problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("单位")]
    [InlineData("a b")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public async Task EveryEndpoint_Is400_ForAnInvalidUnitId(string unitId)
    {
        await using var app = await StartAsync();
        var unit = Uri.EscapeDataString(unitId);

        AssertProblem(await UploadAsync(app, unit, "a.txt", Text), 400, "invalid-unit-id");
        foreach (var path in new[] { "statements", "statements/" + new string('a', 64), "summary", "rectifications", "reports", "reports/summary.json" })
        {
            AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/{path}"), 400, "invalid-unit-id");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("../../records/x.json")]
    [InlineData("a/b.txt")]
    [InlineData(".env")]
    public async Task Upload_Is400_WithoutAUsableFileName(string? fileName)
    {
        await using var app = await StartAsync();
        var unit = NewUnit();

        AssertProblem(await UploadAsync(app, unit, fileName, Text, nameInQuery: true), 400, "invalid-file-name");
        Assert.Empty(await app.Store.ListUploadsAsync(unit));
    }

    [Fact]
    public async Task Upload_Is400_ForAnEmptyBody()
    {
        await using var app = await StartAsync();

        AssertProblem(await UploadAsync(app, NewUnit(), "a.txt", []), 400, "empty-body");
    }

    [Fact]
    public async Task Upload_Is413_AboveTwentyMegabytes_ByLengthOrByBody()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        var tooLarge = new byte[(20 * 1024 * 1024) + 1];

        AssertProblem(await UploadAsync(app, unit, "big.txt", tooLarge), 413, "too-large");
        AssertProblem(await UploadAsync(app, unit, "big.txt", tooLarge, announceLength: false), 413, "too-large");
        Assert.Empty(await app.Store.ListUploadsAsync(unit));
    }

    [Fact]
    public async Task Upload_TakesAChineseName_FromTheHeaderOrTheQuery()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();

        var header = await UploadAsync(app, unit, "李四-对照检查材料.txt", Text);
        var query = await UploadAsync(app, unit, "王五 材料.txt", [.. Text, .. "（二）"u8.ToArray()], nameInQuery: true);

        Assert.Equal((202, 202), (header.Status, query.Status));
        Assert.Equal(["李四-对照检查材料.txt", "王五 材料.txt"], (await app.Store.ListUploadsAsync(unit)).Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Equal("李四-对照检查材料.txt", header.Json().GetProperty("fileName").GetString());
        Assert.Equal($"/api/units/{unit}/statements/{StatementProcessor.StatementIdOf(Text)}", header.Headers.Location.ToString());
    }

    [Fact]
    public async Task Upload_IsIdempotentForTheSameFile_And409ForAnotherUnderTheSameName()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();

        var first = await UploadAsync(app, unit, "a.txt", Text);
        var again = await UploadAsync(app, unit, "a.txt", Text);
        var other = await UploadAsync(app, unit, "a.txt", [.. Text, 0x0A]);

        Assert.Equal((202, 202), (first.Status, again.Status));
        Assert.Equal(first.Json().GetProperty("statementId").GetString(), again.Json().GetProperty("statementId").GetString());
        AssertProblem(other, 409, "file-name-taken");
        Assert.Equal(Text, (await app.Store.GetUploadAsync(unit, "a.txt"))!.Content);
    }

    [Fact]
    public async Task GetStatement_Is404ForAnUnknownId_And400ForAMalformedOne()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();

        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/statements/{StatementProcessor.StatementIdOf(Text)}"), 404, "statement-not-found");
        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/statements/{new string('A', 64)}"), 400, "invalid-statement-id");
        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/statements/x..y"), 400, "invalid-statement-id");
    }

    [Fact]
    public async Task Reports_Are404BeforeConsolidation_And400ForAnUnknownFormat()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();

        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/summary"), 404, "summary-not-found");
        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/rectifications"), 404, "rectifications-not-found");
        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/rectifications?format=pdf"), 400, "invalid-format");
        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/summary?format=html"), 400, "invalid-format");
        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/reports/summary.json"), 404, "report-not-found");
        AssertProblem(await app.SendAsync("GET", $"/api/units/{unit}/reports/Summary.JSON"), 400, "invalid-report-name");
    }

    [Fact]
    public async Task ThreeUploads_OneBroken_EndAcceptedAndRejected_WithTheRecordTheListAndTheReports()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        var seed = await File.ReadAllBytesAsync(TestFiles.SeedText);
        var docx = await File.ReadAllBytesAsync(TestFiles.SeedDocx);
        byte[] broken = [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01];

        var taken = new[] { await UploadAsync(app, unit, "张三.txt", seed), await UploadAsync(app, unit, "李四.docx", docx), await UploadAsync(app, unit, "坏文件.docx", broken) };
        var pending = await app.SendAsync("GET", taken[0].Headers.Location.ToString());
        await app.ProcessAsync(unit);

        Assert.All(taken, t => Assert.Equal(202, t.Status));
        Assert.True(pending.Status is 200 or 202, $"pending or done, not {pending.Status}");
        var list = (await app.SendAsync("GET", $"/api/units/{unit}/statements")).Json();
        Assert.Equal((3, 2, 1, 0), (list.GetProperty("total").GetInt32(), list.GetProperty("accepted").GetInt32(), list.GetProperty("rejected").GetInt32(), list.GetProperty("pending").GetInt32()));
        var rejected = list.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "rejected");
        Assert.Equal("坏文件.docx", rejected.GetProperty("fileName").GetString());
        Assert.Contains("坏文件.docx", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var record = await app.SendAsync("GET", taken[1].Headers.Location.ToString());
        Assert.Equal(200, record.Status);
        Assert.Equal("accepted", record.Json().GetProperty("status").GetString());
        Assert.Equal(4, record.Json().GetProperty("summary").GetProperty("problems").GetInt32());

        var units = (await app.SendAsync("GET", "/api/units")).Json().GetProperty("units").EnumerateArray().Select(u => u.GetString());
        Assert.Contains(unit, units);
        var reports = (await app.SendAsync("GET", $"/api/units/{unit}/reports")).Json().GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("rectifications.xlsx", reports);
        Assert.Contains(UnitReportPublisher.StateFileName, reports);
        var xlsx = await app.SendAsync("GET", $"/api/units/{unit}/rectifications?format=xlsx");
        Assert.Equal(200, xlsx.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
        Assert.Equal("PK"u8.ToArray(), xlsx.Body[..2]);
        var file = await app.SendAsync("GET", $"/api/units/{unit}/reports/summary.md");
        Assert.Equal(200, file.Status);
        Assert.StartsWith("attachment;", file.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_ComeWithTheirContentTypes_AndAnETagThatRevalidates()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        await UploadAsync(app, unit, "seed.txt", await File.ReadAllBytesAsync(TestFiles.SeedText));
        await app.ProcessAsync(unit);

        var csv = await app.SendAsync("GET", $"/api/units/{unit}/rectifications?format=csv");
        var docx = await app.SendAsync("GET", $"/api/units/{unit}/rectifications?format=docx");
        var markdown = await app.SendAsync("GET", $"/api/units/{unit}/summary?format=md");
        var revalidated = await app.SendAsync("GET", $"/api/units/{unit}/rectifications?format=csv", headers: new Dictionary<string, string> { ["If-None-Match"] = csv.Headers.ETag.ToString() });

        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.StartsWith("attachment; filename=\"rectifications-" + unit + ".csv\"", csv.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.ContentType);
        Assert.Equal("text/markdown; charset=utf-8", markdown.ContentType);
        Assert.False(string.IsNullOrEmpty(csv.Headers.ETag.ToString()));
        Assert.Equal(304, revalidated.Status);
        Assert.Empty(revalidated.Body);
    }

    [Fact]
    public async Task Roster_IsImportedAndApplied_AnOwnerIsSetByHand_AndBadFilesGetProblemDetails()
    {
        await using var app = await StartAsync();
        var unit = NewUnit();
        var taken = await UploadAsync(app, unit, "000_2b906ff47b59dcbb.txt", await File.ReadAllBytesAsync(TestFiles.SeedText));
        await app.ProcessAsync(unit);
        var statementId = taken.Json().GetProperty("statementId").GetString();
        var roster = Encoding.UTF8.GetBytes("姓名,职务,分管领域,文件名\n韩明,党组书记、局长,全面工作,000_2b906ff47b59dcbb.txt\n刘芳,副局长,理论学习、意识形态\n");

        var imported = await app.SendAsync("PUT", $"/api/units/{unit}/roster?fileName=" + Uri.EscapeDataString("名册.csv"), roster);
        await app.ProcessAsync(unit);

        Assert.Equal(200, imported.Status);
        Assert.Equal((2, 1, 1), (imported.Json().GetProperty("people").GetArrayLength(), imported.Json().GetProperty("matched").GetInt32(), imported.Json().GetProperty("total").GetInt32()));
        var statement = (await app.SendAsync("GET", $"/api/units/{unit}/roster")).Json().GetProperty("statements")[0];
        Assert.Equal(("韩明", "党组书记、局长", "rosterFileName"), (statement.GetProperty("owner").GetString(), statement.GetProperty("position").GetString(), statement.GetProperty("matchedBy").GetString()));
        var rows = (await app.SendAsync("GET", $"/api/units/{unit}/rectifications")).Json().GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(["韩明"], r.GetProperty("owners").EnumerateArray().Select(o => o.GetString())));
        Assert.Equal(200, (await app.SendAsync("GET", $"/api/units/{unit}/reports/personal-{statementId![..12]}.docx")).Status);
        Assert.Equal(200, (await app.SendAsync("GET", $"/api/units/{unit}/reports/team-list.docx")).Status);

        var eTag = imported.Json().GetProperty("eTag").GetString()!;
        var owner = Encoding.UTF8.GetBytes("""{"person":"刘芳"}""");
        var assigned = await app.SendAsync("PUT", $"/api/units/{unit}/roster/owners/{statementId}", owner, new Dictionary<string, string> { ["If-Match"] = eTag });
        Assert.Equal(200, assigned.Status);
        Assert.Equal(("刘芳", "assigned"), assigned.Json().GetProperty("statements")[0] is var s ? (s.GetProperty("owner").GetString(), s.GetProperty("matchedBy").GetString()) : default);
        AssertProblem(await app.SendAsync("PUT", $"/api/units/{unit}/roster/owners/{statementId}", owner, new Dictionary<string, string> { ["If-Match"] = eTag }), 409, "stale-roster");
        AssertProblem(await app.SendAsync("PUT", $"/api/units/{unit}/roster/owners/{statementId}", Encoding.UTF8.GetBytes("""{"person":"王五"}""")), 404, "person-not-found");
        AssertProblem(await app.SendAsync("PUT", $"/api/units/{unit}/roster/owners/{statementId}", Encoding.UTF8.GetBytes("not json")), 400, "invalid-owner");
        AssertProblem(await app.SendAsync("PUT", $"/api/units/{unit}/roster/owners/{new string('a', 64)}", owner), 404, "statement-not-found");
        await app.ProcessAsync(unit);
        Assert.Contains("刘芳", (await app.SendAsync("GET", $"/api/units/{unit}/rectifications")).Text, StringComparison.Ordinal);

        var bad = await app.SendAsync("PUT", $"/api/units/{unit}/roster?fileName=" + Uri.EscapeDataString("坏名册.csv"), Encoding.UTF8.GetBytes("职务,分管领域\n局长,全面\n"));
        AssertProblem(bad, 400, "invalid-roster");
        Assert.Contains("坏名册.csv", bad.Json().GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertProblem(await app.SendAsync("PUT", $"/api/units/{unit}/roster?fileName=a.csv", []), 400, "empty-body");

        var lastYear = await app.SendAsync("GET", $"/api/units/{unit}/reports/rectifications.json");
        var stored = await app.SendAsync("PUT", $"/api/units/{unit}/last-year?fileName=last.json", lastYear.Body);
        Assert.Equal(200, stored.Status);
        Assert.Equal(rows.Count, stored.Json().GetProperty("rows").GetInt32());
        await app.ProcessAsync(unit);
        var marked = (await app.SendAsync("GET", $"/api/units/{unit}/rectifications")).Json().GetProperty("rows").EnumerateArray();
        Assert.All(marked, r => Assert.Equal(JsonValueKind.Object, r.GetProperty("lastYear").ValueKind));
        AssertProblem(await app.SendAsync("PUT", $"/api/units/{unit}/last-year?fileName=x.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n")), 400, "invalid-last-year");
    }

    [Fact]
    public async Task Health_IsOk()
    {
        await using var app = await StartAsync();

        var health = await app.SendAsync("GET", "/api/health");

        Assert.Equal(200, health.Status);
        Assert.Equal("ok", health.Json().GetProperty("status").GetString());
        Assert.Equal(StatementProcessor.EngineVersion, health.Json().GetProperty("engineVersion").GetString());
    }
}
