using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Consolidation;

/// <summary>Consolidation requests of one process: runs of a unit never overlap, and a burst shares them.</summary>
public sealed class UnitConsolidationRunnerTests : IDisposable
{
    private const string Unit = "unit-9";

    private readonly string _root = Directory.CreateTempSubdirectory("selfreview-runner-").FullName;
    private readonly CountingStore _store;
    private readonly RecordingScheduler _scheduler = new();

    public UnitConsolidationRunnerTests() => _store = new CountingStore(new FolderStatementStore(_root));

    private UnitConsolidationRunner Runner() =>
        new(ActivatorUtilities.CreateInstance<UnitReportPublisher>(Engine.Services, _store), _scheduler, NullLogger<UnitConsolidationRunner>.Instance);

    private async Task RecordAsync(string corpusFile)
    {
        var record = await Engine.ProcessFileAsync(TestFiles.CorpusFile(corpusFile), Unit);
        await _store.PutRecordAsync(record);
    }

    private async Task<int> MembersAsync()
    {
        using var summary = JsonDocument.Parse((await _store.GetReportAsync(Unit, "summary.json"))!.Content);
        return summary.RootElement.GetProperty("members").GetArrayLength();
    }

    [Fact]
    public async Task ABurstOfRequests_SharesTwoRuns_AndTheLastSeesEveryRecord()
    {
        await RecordAsync("001.txt");
        var runner = Runner();
        _store.RecordReadDelay = TimeSpan.FromSeconds(1);

        // The first request starts a run; the twenty requests arriving during it, after three more records, share the one queued behind it.
        var first = runner.RunAsync(Unit);
        foreach (var file in new[] { "002.txt", "003.txt", "004.txt" })
        {
            await RecordAsync(file);
        }

        var later = Enumerable.Range(0, 20).Select(_ => runner.RunAsync(Unit)).ToList();
        var outcomes = await Task.WhenAll(later.Prepend(first));

        Assert.Equal(2, _store.ReportListings);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { PublishOutcome.Published, PublishOutcome.RecordsChanged }));
        Assert.Equal(4, await MembersAsync());
    }

    [Fact]
    public async Task ARequestAfterTheRunsEnded_StartsANewRun()
    {
        await RecordAsync("001.txt");
        var runner = Runner();
        Assert.Equal(PublishOutcome.Published, await runner.RunAsync(Unit));
        await RecordAsync("002.txt");

        Assert.Equal(PublishOutcome.Published, await runner.RunAsync(Unit));
        Assert.Equal(PublishOutcome.UpToDate, await runner.RunAsync(Unit));
        Assert.Equal(2, await MembersAsync());
    }

    [Fact]
    public async Task ARequestSharingAFailedRun_FailsToo_SoItsMessageComesBack()
    {
        await RecordAsync("001.txt");
        var runner = Runner();
        _store.RecordReadDelay = TimeSpan.FromMilliseconds(500);
        _store.FailAfterListings = 1;
        var first = runner.RunAsync(Unit);
        var shared = runner.RunAsync(Unit);

        await first;
        await Assert.ThrowsAsync<IOException>(() => shared);
        _store.FailAfterListings = int.MaxValue;
        Assert.Equal(PublishOutcome.UpToDate, await runner.RunAsync(Unit));
    }

    [Fact]
    public async Task ANewRecord_RewritesTheListsAndItsOwnNote_NotTheOtherMembersNotes()
    {
        await RecordAsync("001.txt");
        await RecordAsync("002.txt");
        var runner = Runner();
        await runner.RunAsync(Unit);
        var before = (await _store.ListReportsAsync(Unit)).ToDictionary(e => e.Name, e => e.ETag);
        await RecordAsync("003.txt");

        await runner.RunAsync(Unit);
        var after = (await _store.ListReportsAsync(Unit)).ToDictionary(e => e.Name, e => e.ETag);

        Assert.NotEqual(before["rectifications.json"], after["rectifications.json"]);
        Assert.NotEqual(before[UnitReportPublisher.StateFileName], after[UnitReportPublisher.StateFileName]);
        var notes = before.Keys.Where(n => n.StartsWith("note-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.Equal(before[n], after[n]));
        Assert.Equal(3, await MembersAsync());
    }

    [Fact]
    public async Task AWriteWhoseResponseWasLost_CountsAsDone_SoTheRunPublishes_AndTheNextIsUpToDate()
    {
        await RecordAsync("001.txt");
        await RecordAsync("002.txt");
        _store.LoseFirstResponses = true;
        var runner = Runner();

        Assert.Equal(PublishOutcome.Published, await runner.RunAsync(Unit));
        Assert.Equal(PublishOutcome.UpToDate, await runner.RunAsync(Unit));
        Assert.Equal(0, _scheduler.Requests);
        Assert.Equal(2, await MembersAsync());
    }

    [Fact]
    public async Task AnotherRunsContentInAFile_StillSupersedesTheRun()
    {
        await RecordAsync("001.txt");
        var runner = Runner();
        await runner.RunAsync(Unit);
        await RecordAsync("002.txt");
        // Another process wrote the list meanwhile (different bytes) after this run read the tags.
        _store.BeforeReportWrite = () => _store.Inner.PutReportAsync(Unit, "rectifications.json", "application/json", "{}"u8.ToArray(), WriteCondition.Always);

        Assert.Equal(PublishOutcome.Superseded, await runner.RunAsync(Unit));
        Assert.Equal(1, _scheduler.Requests);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class RecordingScheduler : IConsolidationScheduler
    {
        public int Requests;

        public Task RequestAsync(string unitId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Requests);
            return Task.CompletedTask;
        }
    }

    /// <summary>A real store that counts report listings (one per run that got past the state), slows record reads, and can fail listings.</summary>
    private sealed class CountingStore(IStatementStore inner) : IStatementStore
    {
        public int ReportListings;

        public TimeSpan RecordReadDelay { get; set; }

        /// <summary>Report listings after this many fail.</summary>
        public int FailAfterListings { get; set; } = int.MaxValue;

        public Task<IReadOnlyList<StoreEntry>> ListReportsAsync(string unitId, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref ReportListings) > FailAfterListings ? throw new IOException("injected") : inner.ListReportsAsync(unitId, cancellationToken);

        public async Task<StoredRecord?> GetRecordAsync(string unitId, string statementId, CancellationToken cancellationToken = default)
        {
            await Task.Delay(RecordReadDelay, cancellationToken);
            return await inner.GetRecordAsync(unitId, statementId, cancellationToken);
        }

        /// <summary>Every report write does its work, but the first one of each file answers as a failed condition: what the SDK's retry after a lost response sees.</summary>
        public bool LoseFirstResponses { get; set; }

        private readonly HashSet<string> _lost = [];

        public IStatementStore Inner => inner;

        /// <summary>
        /// Runs once, before the next report write; every report write from then on waits for it (the
        /// publisher writes several files at once, and the interleaved write must land before any of them).
        /// </summary>
        public Func<Task>? BeforeReportWrite { get => _beforeReportWrite; set => _beforeReportWrite = value; }

        private Func<Task>? _beforeReportWrite;

        private readonly object _gate = new();

        private Task _interleaved = Task.CompletedTask;

        public async Task<string?> PutReportAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
        {
            Task interleaved;
            lock (_gate)
            {
                if (_beforeReportWrite is { } before)
                {
                    _beforeReportWrite = null;
                    _interleaved = before();
                }

                interleaved = _interleaved;
            }

            await interleaved;

            var eTag = await inner.PutReportAsync(unitId, name, contentType, content, condition, cancellationToken);
            lock (_lost)
            {
                return LoseFirstResponses && eTag is not null && _lost.Add(name) ? null : eTag;
            }
        }

        public Task<string?> PutUploadAsync(string unitId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.PutUploadAsync(unitId, fileName, content, cancellationToken);

        public Task<StoredFile?> GetUploadAsync(string unitId, string fileName, CancellationToken cancellationToken = default) => inner.GetUploadAsync(unitId, fileName, cancellationToken);

        public Task<IReadOnlyList<string>> ListUnitsAsync(CancellationToken cancellationToken = default) => inner.ListUnitsAsync(cancellationToken);

        public Task<IReadOnlyList<StoreEntry>> ListUploadsAsync(string unitId, CancellationToken cancellationToken = default) => inner.ListUploadsAsync(unitId, cancellationToken);

        public Task<string> PutRecordAsync(StatementRecord record, CancellationToken cancellationToken = default) => inner.PutRecordAsync(record, cancellationToken);

        public Task<IReadOnlyList<StoreEntry>> ListRecordsAsync(string unitId, CancellationToken cancellationToken = default) => inner.ListRecordsAsync(unitId, cancellationToken);

        public Task<StoredFile?> GetReportAsync(string unitId, string name, CancellationToken cancellationToken = default) => inner.GetReportAsync(unitId, name, cancellationToken);

        public Task<string?> PutTrackingAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default) => inner.PutTrackingAsync(unitId, name, contentType, content, condition, cancellationToken);

        public Task<StoredFile?> GetTrackingAsync(string unitId, string name, CancellationToken cancellationToken = default) => inner.GetTrackingAsync(unitId, name, cancellationToken);

        public Task<IReadOnlyList<StoreEntry>> ListTrackingAsync(string unitId, string folder, CancellationToken cancellationToken = default) => inner.ListTrackingAsync(unitId, folder, cancellationToken);

        public Task<IReadOnlyList<string>> ListRecordIdsAsync(string unitId, CancellationToken cancellationToken = default) => inner.ListRecordIdsAsync(unitId, cancellationToken);

        public Task<StoredFile?> GetStatusIndexAsync(string unitId, CancellationToken cancellationToken = default) => inner.GetStatusIndexAsync(unitId, cancellationToken);

        public Task<string?> PutStatusIndexAsync(string unitId, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default) => inner.PutStatusIndexAsync(unitId, content, condition, cancellationToken);
    }
}
