using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Consolidation;

/// <summary>Consolidation over a store (the folder tree here; the Functions tests run it on Azurite).</summary>
public sealed class UnitReportPublisherTests : IDisposable
{
    private const string Unit = "unit-7";
    private static readonly string[] ReportNames = ["summary.json", "summary.md", "rectifications.json", "rectifications.csv", "rectifications.xlsx", "rectifications.docx", "report.docx", "team-list.docx", UnitReportPublisher.StateFileName];

    private readonly string _root = Directory.CreateTempSubdirectory("selfreview-publish-").FullName;
    private readonly InterleavingStore _store;

    public UnitReportPublisherTests() => _store = new InterleavingStore(new FolderStatementStore(_root));

    private UnitReportPublisher Publisher() => ActivatorUtilities.CreateInstance<UnitReportPublisher>(Engine.Services, _store);

    private async Task<StatementRecord> RecordAsync(string path)
    {
        var record = await Engine.ProcessFileAsync(path, Unit);
        await _store.PutRecordAsync(record);
        return record;
    }

    private async Task<int> MembersAsync()
    {
        using var summary = JsonDocument.Parse((await _store.GetReportAsync(Unit, "summary.json"))!.Content);
        return summary.RootElement.GetProperty("members").GetArrayLength();
    }

    [Fact]
    public async Task Publish_WritesEveryReport_FromAllRecords()
    {
        await RecordAsync(TestFiles.SeedDocx);
        await RecordAsync(TestFiles.CorpusFile("001.txt"));

        var outcome = await Publisher().PublishAsync(Unit);

        Assert.Equal(PublishOutcome.Published, outcome);
        Assert.Equal(ReportNames.Order(StringComparer.Ordinal), (await _store.ListReportsAsync(Unit)).Select(e => e.Name).Where(n => !n.StartsWith("note-", StringComparison.Ordinal) && !n.StartsWith("personal-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(2, await MembersAsync());
    }

    [Fact]
    public async Task Publish_IsUpToDate_AndWritesNothing_WhenNoRecordChanged()
    {
        await RecordAsync(TestFiles.SeedDocx);
        await Publisher().PublishAsync(Unit);
        var before = await _store.ListReportsAsync(Unit);

        var outcome = await Publisher().PublishAsync(Unit);

        Assert.Equal(PublishOutcome.UpToDate, outcome);
        Assert.Equal(before, await _store.ListReportsAsync(Unit));
    }

    [Fact]
    public async Task Publish_Recomputes_AfterANewRecord()
    {
        await RecordAsync(TestFiles.SeedDocx);
        await Publisher().PublishAsync(Unit);
        await RecordAsync(TestFiles.CorpusFile("002.txt"));

        var outcome = await Publisher().PublishAsync(Unit);

        Assert.Equal(PublishOutcome.Published, outcome);
        Assert.Equal(2, await MembersAsync());
    }

    [Fact]
    public async Task Publish_StopsAtOnce_ForARequestMadeBeforeTheListingTheReportsCameFrom()
    {
        var requested = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        await RecordAsync(TestFiles.SeedDocx);
        await Publisher().PublishAsync(Unit);
        // A record written after the listing belongs to a later request, whose run will see it.
        await RecordAsync(TestFiles.CorpusFile("002.txt"));
        var before = await _store.ListReportsAsync(Unit);

        var outcome = await Publisher().PublishAsync(Unit, requested);

        Assert.Equal(PublishOutcome.UpToDate, outcome);
        Assert.Equal(before, await _store.ListReportsAsync(Unit));
        Assert.Equal(1, await MembersAsync());
    }

    [Fact]
    public async Task Publish_Recomputes_ForARequestMadeAfterTheListing()
    {
        await RecordAsync(TestFiles.SeedDocx);
        await Publisher().PublishAsync(Unit);
        await RecordAsync(TestFiles.CorpusFile("002.txt"));

        var outcome = await Publisher().PublishAsync(Unit, DateTimeOffset.UtcNow);

        Assert.Equal(PublishOutcome.Published, outcome);
        Assert.Equal(2, await MembersAsync());
    }

    [Fact]
    public async Task Publish_HasNothingToDo_ForAUnitWithoutRecords()
    {
        Assert.Equal(PublishOutcome.NoRecords, await Publisher().PublishAsync(Unit));
        Assert.Empty(await _store.ListReportsAsync(Unit));
    }

    [Fact]
    public async Task Publish_StopsAsSuperseded_WhenAnotherRunWritesFirst_AndTheOtherRunsReportsStand()
    {
        await RecordAsync(TestFiles.SeedDocx);
        PublishOutcome? other = null;
        _store.BeforeFirstReportWrite(async () =>
        {
            // Another instance, which already saw a record this run has not, writes its reports first.
            await RecordAsync(TestFiles.CorpusFile("003.txt"));
            other = await Publisher().PublishAsync(Unit);
        });

        var outcome = await Publisher().PublishAsync(Unit);

        Assert.Equal(PublishOutcome.Published, other);
        Assert.Equal(PublishOutcome.Superseded, outcome);
        Assert.Equal(2, await MembersAsync());
        Assert.Equal(PublishOutcome.UpToDate, await Publisher().PublishAsync(Unit));
    }

    [Fact]
    public async Task Publish_SaysRecordsChanged_WhenARecordArrivesDuringTheRun_AndTheNextRunIncludesIt()
    {
        await RecordAsync(TestFiles.SeedDocx);
        _store.BeforeFirstReportWrite(() => RecordAsync(TestFiles.CorpusFile("004.txt")));

        var first = await Publisher().PublishAsync(Unit);
        var membersAfterFirst = await MembersAsync();
        var second = await Publisher().PublishAsync(Unit);

        Assert.Equal(PublishOutcome.RecordsChanged, first);
        Assert.Equal(1, membersAfterFirst);
        Assert.Equal(PublishOutcome.Published, second);
        Assert.Equal(2, await MembersAsync());
    }

    [Fact]
    public void Fingerprint_DependsOnIdsAndETags_NotOnListingOrder()
    {
        StoreEntry a = new("a", "\"1\"", DateTimeOffset.UnixEpoch, 1), b = new("b", "\"2\"", DateTimeOffset.UnixEpoch, 1);

        Assert.Equal(UnitReportPublisher.Fingerprint([a, b]), UnitReportPublisher.Fingerprint([b, a]));
        Assert.NotEqual(UnitReportPublisher.Fingerprint([a, b]), UnitReportPublisher.Fingerprint([a, b with { ETag = "\"3\"" }]));
        Assert.NotEqual(UnitReportPublisher.Fingerprint([a, b]), UnitReportPublisher.Fingerprint([a]));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
