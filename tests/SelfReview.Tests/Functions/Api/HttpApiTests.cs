using System.Text;
using SelfReview.Pipeline;
using SelfReview.Tests.Azurite;

namespace SelfReview.Tests.Functions.Api;

/// <summary>The HTTP functions' answers to good and bad requests, on Azurite.</summary>
[Collection(AzuriteTests.Name)]
public sealed class HttpApiTests(AzuriteFixture azurite)
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("一、存在的问题\n（一）理论学习不够深入。\n");

    private static string NewUnit() => "api-" + Guid.NewGuid().ToString("N")[..10];

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
    [InlineData("..")]
    [InlineData("单位")]
    [InlineData("a b")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public async Task EveryEndpoint_Is400_ForAnInvalidUnitId(string unitId)
    {
        await using var app = await FunctionsApp.StartAsync(azurite);

        AssertProblem(await app.UploadAsync(unitId, "a.txt", Text), 400, "invalid-unit-id");
        AssertProblem(await app.ListAsync(unitId), 400, "invalid-unit-id");
        AssertProblem(await app.GetStatementAsync(unitId, new string('a', 64)), 400, "invalid-unit-id");
        AssertProblem(await app.GetSummaryAsync(unitId), 400, "invalid-unit-id");
        AssertProblem(await app.GetRectificationsAsync(unitId), 400, "invalid-unit-id");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("../../records/x.json")]
    [InlineData("a/b.txt")]
    [InlineData(".env")]
    public async Task Upload_Is400_WithoutAUsableFileName(string? fileName)
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();

        AssertProblem(await app.UploadAsync(unit, fileName, Text, nameInQuery: true), 400, "invalid-file-name");
        Assert.Empty(await app.Store.ListUploadsAsync(unit));
    }

    [Fact]
    public async Task Upload_Is400_ForAnEmptyBody()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);

        AssertProblem(await app.UploadAsync(NewUnit(), "a.txt", []), 400, "empty-body");
    }

    [Fact]
    public async Task Upload_Is413_AboveTwentyMegabytes_ByHeaderOrByBody()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();
        var tooLarge = new byte[(20 * 1024 * 1024) + 1];

        AssertProblem(await app.UploadAsync(unit, "big.txt", Text, contentLength: tooLarge.Length), 413, "too-large");
        AssertProblem(await app.UploadAsync(unit, "big.txt", tooLarge, contentLength: null), 413, "too-large");
        Assert.Empty(await app.Store.ListUploadsAsync(unit));
    }

    [Fact]
    public async Task Upload_TakesAChineseName_FromTheHeaderOrTheQuery()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();

        var header = await app.UploadAsync(unit, "李四-对照检查材料.txt", Text);
        var query = await app.UploadAsync(unit, "王五 材料.txt", [.. Text, .. "（二）"u8.ToArray()], nameInQuery: true);

        Assert.Equal((202, 202), (header.Status, query.Status));
        Assert.Equal(["李四-对照检查材料.txt", "王五 材料.txt"], (await app.Store.ListUploadsAsync(unit)).Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Equal("李四-对照检查材料.txt", header.Json().GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_IsIdempotentForTheSameFile_And409ForAnotherUnderTheSameName()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();

        var first = await app.UploadAsync(unit, "a.txt", Text);
        var again = await app.UploadAsync(unit, "a.txt", Text);
        var other = await app.UploadAsync(unit, "a.txt", [.. Text, 0x0A]);

        Assert.Equal((202, 202), (first.Status, again.Status));
        Assert.Equal(first.Json().GetProperty("statementId").GetString(), again.Json().GetProperty("statementId").GetString());
        AssertProblem(other, 409, "file-name-taken");
        Assert.Equal(Text, (await app.Store.GetUploadAsync(unit, "a.txt"))!.Content);
    }

    [Fact]
    public async Task GetStatement_Is404ForAnUnknownId_And400ForAMalformedOne()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();

        AssertProblem(await app.GetStatementAsync(unit, StatementProcessor.StatementIdOf(Text)), 404, "statement-not-found");
        AssertProblem(await app.GetStatementAsync(unit, "../../x"), 400, "invalid-statement-id");
        AssertProblem(await app.GetStatementAsync(unit, new string('A', 64)), 400, "invalid-statement-id");
    }

    [Fact]
    public async Task Reports_Are404BeforeConsolidation_And400ForAnUnknownFormat()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();

        AssertProblem(await app.GetSummaryAsync(unit), 404, "summary-not-found");
        AssertProblem(await app.GetRectificationsAsync(unit), 404, "rectifications-not-found");
        AssertProblem(await app.GetRectificationsAsync(unit, "pdf"), 400, "invalid-format");
        AssertProblem(await app.GetSummaryAsync(unit, "html"), 400, "invalid-format");
    }

    [Fact]
    public async Task Reports_ComeWithTheirContentTypes_AndAnETagThatRevalidates()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();
        await app.UploadAsync(unit, "seed.txt", await File.ReadAllBytesAsync(TestFiles.SeedText));
        await app.PublishBlobCreatedAsync(unit, "seed.txt");
        await app.ProcessStatementEventsAsync();
        await app.ProcessConsolidationsAsync();

        var csv = await app.GetRectificationsAsync(unit, "csv");
        var docx = await app.GetRectificationsAsync(unit, "docx");
        var markdown = await app.GetSummaryAsync(unit, "md");
        var revalidated = await app.GetRectificationsAsync(unit, "csv", ifNoneMatch: csv.Headers.ETag.ToString());

        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.StartsWith("attachment; filename=\"rectifications-" + unit + ".csv\"", csv.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.ContentType);
        Assert.Equal("text/markdown; charset=utf-8", markdown.ContentType);
        Assert.False(string.IsNullOrEmpty(csv.Headers.ETag.ToString()));
        Assert.Equal(304, revalidated.Status);
        Assert.Empty(revalidated.Body);
    }

    [Fact]
    public async Task Health_IsOk()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);

        var health = await app.HealthAsync();

        Assert.Equal(200, health.Status);
        Assert.Equal("ok", health.Json().GetProperty("status").GetString());
    }
}
