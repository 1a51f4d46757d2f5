using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfReview.Tests.Azurite;
using SelfReview.Tests.Functions;

namespace SelfReview.Tests.Access;

/// <summary>
/// A whole unit through each host — uploads with people's names as file names, ingestion, consolidation,
/// the list's downloads — with every log entry recorded: none holds a sentence, a name or a file name.
/// </summary>
[Collection(AzuriteTests.Name)]
[Trait("Category", "Integration")]
public sealed class LogPrivacyTests(AzuriteFixture azurite)
{
    private static readonly (string Corpus, string FileName)[] Statements =
    [
        ("029.txt", "赵明远-个人检视发言材料.txt"),
        ("033.txt", "孙立华-对照检查材料.txt"),
        ("001.txt", "周建国发言提纲.txt"),
    ];

    /// <summary>What must never be logged: file names, authors, item titles and every sentence of the items' text.</summary>
    internal static List<string> Secrets(IEnumerable<JsonElement> records)
    {
        var secrets = new List<string>();
        foreach (var record in records)
        {
            secrets.Add(record.GetProperty("source").GetProperty("fileName").GetString()!);
            if (record.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object)
            {
                secrets.Add(author.GetProperty("name").GetString()!);
            }

            foreach (var item in record.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray()))
            {
                secrets.AddRange(item.GetProperty("text").GetString()!.Split(['。', '；', '！', '？', '\n'], StringSplitOptions.TrimEntries).Where(s => s.Length >= 8));
                if (item.TryGetProperty("title", out var title) && title.GetString() is { Length: >= 4 } t)
                {
                    secrets.Add(t);
                }
            }
        }

        return secrets;
    }

    private static void AssertNoneLogged(RecordingLoggerProvider logs, List<string> secrets)
    {
        Assert.NotEmpty(logs.Entries);
        Assert.True(secrets.Count > 30, $"only {secrets.Count} secrets to look for");
        var leaks = logs.Entries.SelectMany(e => secrets.Where(s => e.Contains(s, StringComparison.Ordinal)).Select(s => $"{s} in: {e}")).Take(5).ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task Serve_LogsNoSentenceNameOrFileName_OfAWholeUnit()
    {
        using var logs = new RecordingLoggerProvider();
        await using var host = await ServeHost.StartAsync(logs: logs);
        var edit = new Dictionary<string, string> { ["Authorization"] = host.HeadersOf(CallerKind.Edit)["Authorization"] };

        foreach (var (corpus, fileName) in Statements)
        {
            var (status, _) = await host.SendAsync("POST", "/api/units/unit-a/statements?fileName=" + Uri.EscapeDataString(fileName), edit, await File.ReadAllBytesAsync(TestFiles.CorpusFile(corpus)));
            Assert.Equal(202, status);
        }

        var ids = new List<string>();
        for (var attempt = 0; attempt < 240 && ids.Count < Statements.Length; attempt++)
        {
            await Task.Delay(250);
            var (_, list) = await host.SendAsync("GET", "/api/units/unit-a/statements", edit, null);
            ids = [.. JsonDocument.Parse(list).RootElement.GetProperty("statements").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "accepted").Select(s => s.GetProperty("statementId").GetString()!)];
        }

        Assert.Equal(Statements.Length, ids.Count);
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
        await host.SendAsync("GET", "/api/units/unit-a/summary?format=md", edit, null);
        await host.SendAsync("GET", "/api/units/unit-a/statements", host.HeadersOf(CallerKind.OtherUnit), null);
        AssertNoneLogged(logs, Secrets(records));
    }

    [Fact]
    public async Task FunctionsApp_LogsNoSentenceNameOrFileName_OfAWholeUnit()
    {
        using var logs = new RecordingLoggerProvider();
        await using var app = await FunctionsApp.StartAsync(azurite, configure: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Trace);
        });
        var unit = "privacy-" + Guid.NewGuid().ToString("N")[..8];

        foreach (var (corpus, fileName) in Statements)
        {
            Assert.Equal(202, (await app.UploadAsync(unit, fileName, await File.ReadAllBytesAsync(TestFiles.CorpusFile(corpus)))).Status);
            await app.PublishBlobCreatedAsync(unit, fileName);
        }

        await app.ProcessStatementEventsAsync();
        await app.ProcessConsolidationsAsync();
        var list = (await app.ListAsync(unit)).Json().GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("statementId").GetString()!).ToList();
        var records = new List<JsonElement>();
        foreach (var id in list)
        {
            records.Add((await app.GetStatementAsync(unit, id)).Json());
        }

        Assert.Equal(200, (await app.GetRectificationsAsync(unit, "xlsx")).Status);
        Assert.Equal(Statements.Length, records.Count(r => r.GetProperty("status").GetString() == "accepted"));
        AssertNoneLogged(logs, Secrets(records));
    }
}
