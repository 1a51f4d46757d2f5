using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfReview.Api.Telemetry;
using SelfReview.Functions.Api;
using SelfReview.Tests.Access;
using SelfReview.Tests.Azurite;
using SelfReview.Tests.Functions;

namespace SelfReview.Tests.Api.Telemetry;

/// <summary>
/// A whole unit through each host — uploads under a distinctive Chinese and an ASCII file name (one named in
/// the query), ingestion, consolidation, the records, the list, every report file — with the logs (an in-memory
/// logger provider, every category) and the telemetry (OpenTelemetry's in-memory span exporter, the log records
/// as exported) captured: none holds a sentence of the statements, an author's name or a file name, raw or
/// percent-encoded, and the spans of the storage calls are there, with the file's name as its hash.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Category", "Integration")]
public sealed class TelemetryPrivacyTests(AzuriteFixture azurite)
{
    private static readonly (string Corpus, string FileName, bool InQuery)[] Statements =
    [
        ("029.txt", "欧阳青萍-个人检视发言材料（定稿）.txt", false),
        ("033.txt", "ouyang-qingping-self-review-final.txt", true),
        ("001.docx", "司马晓岚对照检查材料.docx", false),
    ];

    private static List<string> SecretsOf(IEnumerable<JsonElement> records)
    {
        var secrets = LogPrivacyTests.Secrets(records);
        foreach (var (_, fileName, _) in Statements)
        {
            secrets.Add(Uri.EscapeDataString(fileName));
            secrets.Add(Path.GetFileNameWithoutExtension(fileName));
        }

        return secrets;
    }

    private static void AssertNothingSecret(string host, IEnumerable<string> texts, List<string> secrets)
    {
        var leaks = texts.SelectMany(t => secrets.Where(s => t.Contains(s, StringComparison.Ordinal)).Select(s => $"{host}: \"{s}\" in: {t[..Math.Min(t.Length, 500)]}")).Take(5).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private static void AssertTelemetry(string host, RecordingLoggerProvider logs, TelemetryCapture telemetry, List<JsonElement> records, IEnumerable<string> traced)
    {
        var secrets = SecretsOf(records);
        Assert.True(secrets.Count > 30, $"only {secrets.Count} secrets to look for");
        Assert.Equal(Statements.Length, records.Count(r => r.GetProperty("status").GetString() == "accepted"));
        Assert.Contains(records, r => r.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.Object);

        var spans = telemetry.Spans();
        var spanTexts = spans.Select(TelemetryCapture.TextOf).ToList();
        Assert.NotEmpty(logs.Entries);
        Assert.NotEmpty(telemetry.Logs);
        foreach (var expected in traced)
        {
            Assert.True(spanTexts.Any(t => t.Contains(expected, StringComparison.Ordinal)), $"{host}: no span holds {expected}; the first ones: {string.Join("\n", spanTexts.Take(4))}");
        }

        AssertNothingSecret(host + " log", logs.Entries, secrets);
        AssertNothingSecret(host + " exported log", telemetry.Logs, secrets);
        AssertNothingSecret(host + " span", spanTexts, secrets);
    }

    [Fact]
    public async Task FunctionsApp_TracesStorageCalls_WithoutASentenceNameOrFileName()
    {
        using var logs = new RecordingLoggerProvider();
        var telemetry = new TelemetryCapture();
        await using var app = await FunctionsApp.StartAsync(
            azurite,
            configure: services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Trace);
            },
            telemetry: telemetry.Export);
        var unit = "telemetry-" + Guid.NewGuid().ToString("N")[..8];

        foreach (var (corpus, fileName, inQuery) in Statements)
        {
            Assert.Equal(202, (await app.UploadAsync(unit, fileName, await File.ReadAllBytesAsync(TestFiles.CorpusFile(corpus)), nameInQuery: inQuery)).Status);
            await app.PublishBlobCreatedAsync(unit, fileName);
        }

        await app.ProcessStatementEventsAsync();
        await app.ProcessConsolidationsAsync();
        var records = new List<JsonElement>();
        foreach (var id in (await app.ListAsync(unit)).Json().GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("statementId").GetString()!))
        {
            records.Add((await app.GetStatementAsync(unit, id)).Json());
        }

        Assert.Equal(200, (await app.GetRectificationsAsync(unit, "xlsx")).Status);
        var reports = await app.HttpAsync("GET", $"/api/units/{unit}/reports", (r, ct) => app.Function<ListReports>().RunAsync(r, unit, ct));
        var names = reports.Json().GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var file = await app.HttpAsync("GET", $"/api/units/{unit}/reports/{Uri.EscapeDataString(name)}", (r, ct) => app.Function<GetReport>().RunAsync(r, unit, name, ct));
            Assert.Equal(200, file.Status);
        }

        // Every storage call is traced (Azure.Core's HTTP spans, through HttpClient), the upload's blob named by its hash under its unit.
        AssertTelemetry("functions", logs, telemetry, records, Statements.Select(s => $"/devstoreaccount1/statements/{unit}/{TelemetryRedactor.Hash(s.FileName)}"));
    }

    [Fact]
    public async Task Serve_TracesRequestsAndFiles_WithoutASentenceNameOrFileName()
    {
        using var logs = new RecordingLoggerProvider();
        var telemetry = new TelemetryCapture();
        await using var host = await ServeHost.StartAsync(logs: logs, telemetry: telemetry.Export);
        var edit = new Dictionary<string, string> { ["Authorization"] = host.HeadersOf(CallerKind.Edit)["Authorization"] };

        foreach (var (corpus, fileName, inQuery) in Statements)
        {
            var headers = new Dictionary<string, string>(edit);
            var query = "";
            if (inQuery)
            {
                query = "?fileName=" + Uri.EscapeDataString(fileName);
            }
            else
            {
                headers[SelfReview.Api.FileNameHeader.Name] = "UTF-8''" + Uri.EscapeDataString(fileName);
            }

            var (status, _) = await host.SendAsync("POST", "/api/units/unit-a/statements" + query, headers, await File.ReadAllBytesAsync(TestFiles.CorpusFile(corpus)));
            Assert.Equal(202, status);
        }

        var ids = new List<string>();
        for (var attempt = 0; attempt < 240 && ids.Count < Statements.Length; attempt++)
        {
            await Task.Delay(250);
            var (_, list) = await host.SendAsync("GET", "/api/units/unit-a/statements", edit, null);
            ids = [.. JsonDocument.Parse(list).RootElement.GetProperty("statements").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "accepted").Select(s => s.GetProperty("statementId").GetString()!)];
        }

        var records = new List<JsonElement>();
        foreach (var id in ids)
        {
            records.Add(JsonDocument.Parse((await host.SendAsync("GET", "/api/units/unit-a/statements/" + id, edit, null)).Body).RootElement);
        }

        var xlsx = 404;
        for (var attempt = 0; attempt < 120 && xlsx != 200; attempt++)
        {
            await Task.Delay(250);
            xlsx = (await host.SendAsync("GET", "/api/units/unit-a/rectifications?format=xlsx", edit, null)).Status;
        }

        Assert.Equal(200, xlsx);
        var (_, reports) = await host.SendAsync("GET", "/api/units/unit-a/reports", edit, null);
        foreach (var location in JsonDocument.Parse(reports).RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("location").GetString()!))
        {
            Assert.Equal(200, (await host.SendAsync("GET", location, edit, null)).Status);
        }

        // serve keeps files in folders, so its spans are the API's requests (the server's, and the test's own
        // HttpClient's): by route, with the query's key kept and the file name dropped.
        AssertTelemetry("serve", logs, telemetry, records, ["http.route=/api/units/{unitId}/statements", "url.query=?fileName=" + TelemetryRedactor.Redacted, "url.path=/api/units/unit-a/reports/h-"]);
    }
}
