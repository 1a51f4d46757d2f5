using System.Text;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Functions.Consolidation;
using SelfReview.Functions.Ingestion;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Reading;
using SelfReview.Tests.Azurite;

namespace SelfReview.Tests.Functions;

/// <summary>
/// The app as it runs in Azure, on Azurite: upload through the API → the BlobCreated event on
/// statement-events → IngestStatement → unit-consolidation → ConsolidateUnit → the API serves the reports.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class StatementFlowTests(AzuriteFixture azurite)
{
    private static string NewUnit() => "unit-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Upload_FlowsThroughIngestionAndConsolidation_ToTheSeedsFourRectificationRows()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();
        var seed = await File.ReadAllBytesAsync(TestFiles.SeedDocx);

        var upload = await app.UploadAsync(unit, "张三-检视发言材料.docx", seed);
        var statementId = upload.Json().GetProperty("statementId").GetString()!;
        var pending = await app.GetStatementAsync(unit, statementId);
        await app.PublishBlobCreatedAsync(unit, "张三-检视发言材料.docx");
        var ingested = await app.ProcessStatementEventsAsync();
        var consolidated = await app.ProcessConsolidationsAsync();

        Assert.Equal(202, upload.Status);
        Assert.Equal(StatementProcessor.StatementIdOf(seed), statementId);
        Assert.Equal($"/api/units/{unit}/statements/{statementId}", upload.Headers.Location.ToString());
        Assert.Equal("pending", upload.Json().GetProperty("status").GetString());
        Assert.Equal(202, pending.Status);
        Assert.Equal("pending", pending.Json().GetProperty("status").GetString());
        Assert.Equal((1, 1), (ingested, consolidated));

        var record = await app.GetStatementAsync(unit, statementId);
        Assert.Equal(200, record.Status);
        Assert.Equal("accepted", record.Json().GetProperty("status").GetString());
        Assert.Equal("张三-检视发言材料.docx", record.Json().GetProperty("source").GetProperty("fileName").GetString());

        var list = await app.GetRectificationsAsync(unit, "json");
        Assert.Equal(200, list.Status);
        Assert.StartsWith("application/json", list.ContentType, StringComparison.Ordinal);
        var rows = list.Json().GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["theory", "capability", "responsibility", "style"], rows.Select(r => r.GetProperty("category").GetString()));
        Assert.All(rows, r => Assert.Equal(statementId, r.GetProperty("problems")[0].GetProperty("statementId").GetString()));
        Assert.Equal(["p1", "p2", "p3", "p4"], rows.Select(r => r.GetProperty("problems")[0].GetProperty("itemId").GetString()));

        var xlsx = await app.GetRectificationsAsync(unit, "xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
        Assert.Equal($"attachment; filename=\"rectifications-{unit}.xlsx\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%B8%85%E5%8D%95-{unit}.xlsx", xlsx.Headers.ContentDisposition.ToString());
        Assert.Equal("PK"u8.ToArray(), xlsx.Body[..2]);

        var summary = await app.GetSummaryAsync(unit);
        Assert.Equal(200, summary.Status);
        Assert.Equal(1, summary.Json().GetProperty("accepted").GetInt32());
        Assert.Equal(4, summary.Json().GetProperty("problems").GetInt32());
    }

    [Fact]
    public async Task TheSameEvent_DeliveredThreeTimes_LeavesOneRecord_WrittenOnce()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();
        await app.UploadAsync(unit, "seed.txt", await File.ReadAllBytesAsync(TestFiles.SeedText));
        await app.PublishBlobCreatedAsync(unit, "seed.txt");
        await app.ProcessStatementEventsAsync();
        var written = Assert.Single(await app.Store.ListRecordsAsync(unit));

        await app.PublishBlobCreatedAsync(unit, "seed.txt");
        await app.PublishBlobCreatedAsync(unit, "seed.txt", cloudEvents: true, base64: false);
        await app.ProcessStatementEventsAsync(parallel: 2);

        Assert.Equal(written, Assert.Single(await app.Store.ListRecordsAsync(unit)));
        await app.ProcessConsolidationsAsync();
        var list = (await app.ListAsync(unit)).Json();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(1, list.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task ACorruptUpload_EndsAsARejectedRecord_WhileTheOthersComplete()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();
        await app.UploadAsync(unit, "seed.docx", await File.ReadAllBytesAsync(TestFiles.SeedDocx));
        await app.UploadAsync(unit, "损坏.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xDE, 0xAD]);
        await app.UploadAsync(unit, "001.txt", await File.ReadAllBytesAsync(TestFiles.CorpusFile("001.txt")));
        foreach (var name in new[] { "seed.docx", "损坏.docx", "001.txt" })
        {
            await app.PublishBlobCreatedAsync(unit, name);
        }

        await app.ProcessStatementEventsAsync(parallel: 3);
        await app.ProcessConsolidationsAsync();

        var list = (await app.ListAsync(unit)).Json();
        var items = list.GetProperty("statements").EnumerateArray().ToDictionary(i => i.GetProperty("fileName").GetString()!);
        Assert.Equal("rejected", items["损坏.docx"].GetProperty("status").GetString());
        Assert.Contains("损坏.docx", items["损坏.docx"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("accepted", items["seed.docx"].GetProperty("status").GetString());
        Assert.Equal("accepted", items["001.txt"].GetProperty("status").GetString());
        var summary = (await app.GetSummaryAsync(unit)).Json();
        Assert.Equal((3, 2, 1), (summary.GetProperty("statements").GetInt32(), summary.GetProperty("accepted").GetInt32(), summary.GetProperty("rejected").GetInt32()));
    }

    [Fact]
    public async Task TwentyConcurrentUploads_AllAppearInTheFinalList()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();
        var files = Directory.GetFiles(TestFiles.Corpus, "*.txt").Order(StringComparer.Ordinal).Take(20).ToList();
        Assert.Equal(20, files.Count);

        var uploads = await Task.WhenAll(files.Select(f => Task.Run(async () => await app.UploadAsync(unit, Path.GetFileName(f), await File.ReadAllBytesAsync(f)))));
        await Task.WhenAll(files.Select(f => app.PublishBlobCreatedAsync(unit, Path.GetFileName(f))));
        // Ingestion runs 6 at a time while consolidation runs 3 at a time beside it, as scaled-out instances would.
        var ingestion = app.ProcessStatementEventsAsync(parallel: 6);
        var consolidation = Task.Run(async () =>
        {
            var runs = 0;
            while (!ingestion.IsCompleted)
            {
                runs += await app.ProcessConsolidationsAsync(parallel: 3);
                await Task.Delay(20);
            }

            return runs;
        });
        var ingested = await ingestion;
        var consolidations = await consolidation + await app.ProcessConsolidationsAsync(parallel: 3);

        Assert.All(uploads, u => Assert.Equal(202, u.Status));
        Assert.Equal(20, ingested);
        Assert.True(consolidations >= 20, $"{consolidations} consolidation requests for 20 uploads");
        var list = (await app.ListAsync(unit)).Json();
        Assert.Equal(20, list.GetProperty("total").GetInt32());
        Assert.Equal(0, list.GetProperty("pending").GetInt32());
        var summary = (await app.GetSummaryAsync(unit)).Json();
        Assert.Equal(
            files.Select(Path.GetFileName).Order(StringComparer.Ordinal),
            summary.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("fileName").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(PublishOutcome.UpToDate, await app.Services.GetRequiredService<UnitReportPublisher>().PublishAsync(unit));
    }

    [Fact]
    public async Task ABurstOfUploads_IsConsolidatedOnce()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();
        foreach (var file in Directory.GetFiles(TestFiles.Corpus, "*.txt").Order(StringComparer.Ordinal).Take(6))
        {
            await app.UploadAsync(unit, Path.GetFileName(file), await File.ReadAllBytesAsync(file));
            await app.PublishBlobCreatedAsync(unit, Path.GetFileName(file));
        }

        await app.ProcessStatementEventsAsync();
        var writes = new HashSet<string>(StringComparer.Ordinal);
        var requests = 0;
        foreach (var message in (await app.Consolidations.ReceiveMessagesAsync(maxMessages: 32)).Value)
        {
            await app.Function<ConsolidateUnit>().RunAsync(message, CancellationToken.None);
            writes.Add((await app.Store.GetReportAsync(unit, UnitReportPublisher.StateFileName))!.ETag);
            requests++;
        }

        Assert.Equal(6, requests);
        Assert.Single(writes);
    }

    [Fact]
    public async Task Ingestion_AsksForConsolidation_WithTheConfiguredDelay()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, delaySeconds: 120);
        var unit = NewUnit();
        await app.UploadAsync(unit, "seed.txt", await File.ReadAllBytesAsync(TestFiles.SeedText));
        await app.PublishBlobCreatedAsync(unit, "seed.txt");

        await app.ProcessStatementEventsAsync();

        Assert.Equal(1, (await app.Consolidations.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await app.Consolidations.PeekMessagesAsync(maxMessages: 32)).Value);
    }

    [Theory]
    [InlineData("reports", "PutBlob")]
    [InlineData("statements", "PutBlock")]
    public async Task Events_ForOtherContainersOrIncompleteWrites_AreIgnored(string container, string api)
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        var unit = NewUnit();
        await app.Store.PutUploadAsync(unit, "seed.txt", await File.ReadAllBytesAsync(TestFiles.SeedText));
        await app.Store.PutReportAsync(unit, "summary.json", "application/json", "{}"u8.ToArray(), SelfReview.Pipeline.Storage.WriteCondition.Always);
        var name = container == "reports" ? "summary.json" : "seed.txt";

        await app.PublishBlobCreatedAsync(unit, name, api: api, container: container);
        await app.ProcessStatementEventsAsync();

        Assert.Empty(await app.Store.ListRecordsAsync(unit));
        Assert.Equal(0, (await app.Consolidations.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task AMessageThatKeepsFailing_EndsAsAFailedRecord_OnItsLastDelivery()
    {
        await using var app = await FunctionsApp.StartAsync(azurite, configure: s => s.AddSingleton<IDocumentReader, UnavailableOcrReader>());
        var unit = NewUnit();
        await app.UploadAsync(unit, "扫描件.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"));
        await app.PublishBlobCreatedAsync(unit, "扫描件.pdf");
        var ingest = app.Function<IngestStatement>();

        var attempts = new List<(long DequeueCount, bool Recorded)>();
        for (var attempt = 1; attempt <= SelfReview.Functions.QueueNames.MaxDequeueCount; attempt++)
        {
            QueueMessage message = (await app.Events.ReceiveMessagesAsync(maxMessages: 1, visibilityTimeout: TimeSpan.FromMinutes(1))).Value.Single();
            await Assert.ThrowsAsync<HttpRequestException>(() => ingest.RunAsync(message, CancellationToken.None));
            attempts.Add((message.DequeueCount, (await app.Store.ListRecordsAsync(unit)).Count == 1));
            // What the host does after a failure: the message becomes visible again for the next attempt.
            await app.Events.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        Assert.Equal([(1L, false), (2L, false), (3L, false), (4L, false), (5L, true)], attempts);
        var record = (await app.GetStatementAsync(unit, (await app.Store.ListRecordsAsync(unit))[0].Name)).Json();
        Assert.Equal("failed", record.GetProperty("status").GetString());
        Assert.Equal("processing_failed", record.GetProperty("rejection").GetProperty("code").GetString());
        Assert.Contains("扫描件.pdf", record.GetProperty("rejection").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("HttpRequestException", record.GetProperty("rejection").GetProperty("message").GetString(), StringComparison.Ordinal);
        await app.ProcessConsolidationsAsync();
        var summary = (await app.GetSummaryAsync(unit)).Json();
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());
    }
}
