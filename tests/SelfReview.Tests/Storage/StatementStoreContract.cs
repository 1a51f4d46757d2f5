using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Storage;

/// <summary>
/// What every <see cref="IStatementStore"/> must do, run against each real implementation
/// (Blob Storage on Azurite, the folder tree). Each test works in a unit of its own.
/// </summary>
public abstract class StatementStoreContract
{
    protected abstract IStatementStore Store { get; }

    private static string NewUnit() => "unit-" + Guid.NewGuid().ToString("N")[..12];

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static StatementRecord Record(string unitId, byte[] content, RecordStatus status = RecordStatus.Rejected, string fileName = "a.txt")
    {
        var id = StatementProcessor.StatementIdOf(content);
        return new StatementRecord
        {
            StatementId = id,
            UnitId = unitId,
            Status = status,
            Source = new SourceInfo { FileName = fileName, MediaType = "text/plain", Size = content.Length, Sha256 = id },
            Rejection = status == RecordStatus.Accepted ? null : new Rejection("empty", $"文件“{fileName}”未能处理：测试。"),
        };
    }

    [Fact]
    public async Task UnitProfile_RoundTrips_AndTheHierarchyFindsALevelWithoutUploads_AndRefusesALoop()
    {
        var top = NewUnit();
        var middle = NewUnit();
        var leaf = NewUnit();
        await Store.PutRecordAsync(Record(leaf, Bytes("叶单位")));
        var profiles = new Pipeline.Rollups.UnitProfileStore(Store);

        Assert.IsType<Pipeline.Rollups.ParentOutcome.Changed>(await profiles.SetParentAsync(leaf, middle));
        Assert.IsType<Pipeline.Rollups.ParentOutcome.Changed>(await profiles.SetParentAsync(middle, top));
        Assert.IsType<Pipeline.Rollups.ParentOutcome.Refused>(await profiles.SetParentAsync(top, leaf));

        Assert.Equal(middle, (await profiles.GetAsync(leaf))!.Parent);
        Assert.Null(await profiles.GetAsync(top));
        // The middle level has no upload of its own: it is found because the leaf names it.
        var hierarchy = await Pipeline.Rollups.UnitHierarchy.ReadAsync(Store, top);
        Assert.Equal([new Pipeline.Rollups.HierarchyNode(middle, top, 1), new Pipeline.Rollups.HierarchyNode(leaf, middle, 2)], hierarchy.Nodes);
        Assert.Empty(hierarchy.Cycles);
    }

    [Fact]
    public async Task TrackingSummary_IsRebuiltFromTheListAndRows_AndFollowsConcurrentRowChanges()
    {
        var unit = NewUnit();
        var rows = Enumerable.Range(1, 8).Select(i => new RectificationRow
        {
            RowId = "r" + i.ToString("x12", System.Globalization.CultureInfo.InvariantCulture),
            Number = i,
            Category = CategoryCode.Theory,
            CategoryLabel = "理论学习",
            Problem = "问题" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Source = "自己查摆",
            Measures = "措施",
            Deadline = "2025年6月30日前",
            DueDate = new DateOnly(2025, 6, 30),
            Status = TrackingStatuses.NotStarted,
        }).ToList();
        var list = new RectificationList { UnitId = unit, Title = "整改清单", Rows = rows };
        await Store.PutReportAsync(unit, Pipeline.Exports.ReportFormats.ListJson.Name, "application/json", SelfReviewJson.Serialize(list, SelfReviewJson.RectificationList), WriteCondition.Always);
        var writer = new Pipeline.Tracking.TrackingSummaryWriter(Store);
        Assert.All((await writer.RebuildAsync(unit))!.Rows, r => Assert.Equal(TrackingStatuses.NotStarted, r.Status));

        // Eight people change eight rows at once: every change lands in the one summary.
        var tracker = new Pipeline.Tracking.RectificationTracker(Store, TimeProvider.System);
        await Task.WhenAll(rows.Select(r => Task.Run(() => tracker.UpdateAsync(unit, r.RowId, new Pipeline.Tracking.RowChange(TrackingStatuses.Done, null), "tester", null, maySignOff: false))));

        var summary = await writer.GetAsync(unit);
        Assert.Equal(rows.Select(r => r.RowId), summary!.Rows.Select(r => r.RowId));
        Assert.All(summary.Rows, r => Assert.Equal(TrackingStatuses.Done, r.Status));
    }

    [Fact]
    public async Task PutUpload_KeepsTheBytesAsTheyCame_AndListsThemWithTheirSha256()
    {
        var unit = NewUnit();
        var content = await File.ReadAllBytesAsync(TestFiles.SeedDocx);

        var eTag = await Store.PutUploadAsync(unit, "张三-检视材料.docx", content);

        Assert.NotNull(eTag);
        var stored = await Store.GetUploadAsync(unit, "张三-检视材料.docx");
        Assert.NotNull(stored);
        Assert.Equal(content, stored.Content);
        Assert.Equal(eTag, stored.ETag);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", stored.ContentType);
        var entry = Assert.Single(await Store.ListUploadsAsync(unit));
        Assert.Equal("张三-检视材料.docx", entry.Name);
        Assert.Equal(StatementProcessor.StatementIdOf(content), entry.Sha256);
        Assert.Equal(content.Length, entry.Size);
    }

    [Fact]
    public async Task PutUpload_NeverReplacesAnUpload_OfTheSameName()
    {
        var unit = NewUnit();
        await Store.PutUploadAsync(unit, "a.txt", Bytes("first"));

        var second = await Store.PutUploadAsync(unit, "a.txt", Bytes("second"));

        Assert.Null(second);
        Assert.Equal(Bytes("first"), (await Store.GetUploadAsync(unit, "a.txt"))!.Content);
    }

    [Fact]
    public async Task Get_IsNull_ForWhatDoesNotExist()
    {
        var unit = NewUnit();

        Assert.Null(await Store.GetUploadAsync(unit, "missing.docx"));
        Assert.Null(await Store.GetRecordAsync(unit, new string('a', 64)));
        Assert.Null(await Store.GetReportAsync(unit, "summary.json"));
        Assert.Empty(await Store.ListUploadsAsync(unit));
        Assert.Empty(await Store.ListRecordsAsync(unit));
        Assert.Empty(await Store.ListReportsAsync(unit));
    }

    [Fact]
    public async Task PutRecord_KeysTheRecordByStatementId_SoWritingItTwiceLeavesOne()
    {
        var unit = NewUnit();
        var record = Record(unit, Bytes("statement"), fileName: "甲.txt");

        await Store.PutRecordAsync(record);
        await Store.PutRecordAsync(record);

        var entry = Assert.Single(await Store.ListRecordsAsync(unit));
        Assert.Equal(record.StatementId, entry.Name);
        var stored = await Store.GetRecordAsync(unit, record.StatementId);
        Assert.NotNull(stored);
        Assert.Equal(entry.ETag, stored.ETag);
        Assert.Equal(record.Rejection, stored.Record.Rejection);
        Assert.Equal("甲.txt", stored.Record.Source.FileName);
    }

    [Fact]
    public async Task PutRecord_ChangesTheETag_WhenTheRecordChanges()
    {
        var unit = NewUnit();
        var content = Bytes("statement");
        var failed = await Store.PutRecordAsync(Record(unit, content, RecordStatus.Failed));

        var accepted = await Store.PutRecordAsync(Record(unit, content, RecordStatus.Accepted));

        Assert.NotEqual(failed, accepted);
        Assert.Equal(accepted, Assert.Single(await Store.ListRecordsAsync(unit)).ETag);
        Assert.Equal(RecordStatus.Accepted, (await Store.GetRecordAsync(unit, StatementProcessor.StatementIdOf(content)))!.Record.Status);
    }

    [Fact]
    public async Task PutReport_IfNoneExists_FailsOnceTheReportExists()
    {
        var unit = NewUnit();

        var first = await Store.PutReportAsync(unit, "summary.json", "application/json", Bytes("{}"), WriteCondition.IfNoneExists);
        var second = await Store.PutReportAsync(unit, "summary.json", "application/json", Bytes("{\"x\":1}"), WriteCondition.IfNoneExists);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(Bytes("{}"), (await Store.GetReportAsync(unit, "summary.json"))!.Content);
    }

    [Fact]
    public async Task PutReport_IfMatch_FailsWithAStaleETag_AndSucceedsWithTheCurrentOne()
    {
        var unit = NewUnit();
        var v1 = await Store.PutReportAsync(unit, "rectifications.csv", "text/csv; charset=utf-8", Bytes("v1"), WriteCondition.Always);
        var v2 = await Store.PutReportAsync(unit, "rectifications.csv", "text/csv; charset=utf-8", Bytes("v2"), WriteCondition.IfMatch(v1!));

        var stale = await Store.PutReportAsync(unit, "rectifications.csv", "text/csv; charset=utf-8", Bytes("v3"), WriteCondition.IfMatch(v1!));
        var current = await Store.PutReportAsync(unit, "rectifications.csv", "text/csv; charset=utf-8", Bytes("v4"), WriteCondition.IfMatch(v2!));

        Assert.NotNull(v2);
        Assert.Null(stale);
        Assert.NotNull(current);
        var report = await Store.GetReportAsync(unit, "rectifications.csv");
        Assert.Equal(Bytes("v4"), report!.Content);
        Assert.Equal(current, report.ETag);
        Assert.StartsWith("text/csv", report.ContentType, StringComparison.Ordinal);
        Assert.Equal(current, Assert.Single(await Store.ListReportsAsync(unit)).ETag);
    }

    [Fact]
    public async Task PutReport_IfMatch_LetsExactlyOneOfConcurrentWritersWin()
    {
        var unit = NewUnit();
        var start = await Store.PutReportAsync(unit, "summary.md", "text/markdown; charset=utf-8", Bytes("start"), WriteCondition.Always);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.PutReportAsync(unit, "summary.md", "text/markdown; charset=utf-8", Bytes("writer " + i), WriteCondition.IfMatch(start!)))));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Units_AreSeparate()
    {
        var unit = NewUnit();
        var other = unit + "x";
        await Store.PutUploadAsync(unit, "a.txt", Bytes("a"));
        await Store.PutUploadAsync(other, "b.txt", Bytes("b"));
        await Store.PutRecordAsync(Record(other, Bytes("b")));

        Assert.Equal(["a.txt"], (await Store.ListUploadsAsync(unit)).Select(e => e.Name));
        Assert.Empty(await Store.ListRecordsAsync(unit));
        Assert.Null(await Store.GetUploadAsync(unit, "b.txt"));
    }

    [Theory]
    [InlineData("..", "a.txt")]
    [InlineData("a/b", "a.txt")]
    [InlineData("unit", "../a.txt")]
    [InlineData("unit", "a/../../b.txt")]
    [InlineData("unit", "..\\a.txt")]
    [InlineData("unit", ".hidden")]
    public async Task Names_ThatWouldLeaveTheLayout_AreRefused(string unitId, string fileName)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutUploadAsync(unitId, fileName, Bytes("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetUploadAsync(unitId, fileName));
    }

    [Fact]
    public async Task StatusIndex_HoldsEveryRecord_WhenManyWritersUpdateItAtOnce()
    {
        var unit = NewUnit();
        var records = Enumerable.Range(0, 48).Select(i => Record(unit, Bytes("并发 " + i), i % 3 == 0 ? RecordStatus.Accepted : RecordStatus.Rejected, $"{i:D2}.txt")).ToList();
        // Eight writers, each with an indexer of its own (as eight instances of the app would have).
        var writers = Enumerable.Range(0, 8).Select(_ => new UnitStatusIndexer(Store, NullLogger<UnitStatusIndexer>.Instance)).ToList();

        await Parallel.ForEachAsync(records.Select((r, i) => (r, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            await Store.PutRecordAsync(item.r, ct);
            await writers[item.i % writers.Count].RecordAsync(item.r, ct);
        });

        var stored = await Store.GetStatusIndexAsync(unit);
        Assert.NotNull(stored);
        var index = JsonSerializer.Deserialize(stored.Content, StatusIndexJsonContext.Default.StatusIndex)!;
        Assert.Equal(records.Select(r => r.StatementId).Order(StringComparer.Ordinal), index.Entries.Select(e => e.StatementId));
        Assert.Equal(records.Count(r => r.Status == RecordStatus.Accepted), index.Entries.Count(e => e.Status == RecordStatus.Accepted));
        Assert.Equal("00.txt", index.Entries.Single(e => e.StatementId == records[0].StatementId).FileName);
        Assert.Equal(records.Count, (await Store.ListRecordsAsync(unit)).Count); // the index is not listed as a record
    }

    [Fact]
    public async Task StatusIndex_UpdatesOfOneUnitInOneProcess_AreWrittenInGroups_AndEveryCallerIsAnswered()
    {
        var unit = NewUnit();
        var records = Enumerable.Range(0, 40).Select(i => Record(unit, Bytes("成组 " + i), RecordStatus.Rejected, $"{i:D2}.txt")).ToList();
        foreach (var record in records)
        {
            await Store.PutRecordAsync(record);
        }

        // The first write is held until every caller has asked, as a slow storage call would be.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var counting = CountingStore.Wrap(Store, gate.Task);
        var indexer = new UnitStatusIndexer(counting, NullLogger<UnitStatusIndexer>.Instance);
        var callers = records.Select(r => indexer.RecordAsync(r)).ToList();
        Assert.DoesNotContain(callers, c => c.IsCompleted);
        gate.SetResult();
        await Task.WhenAll(callers);

        var index = JsonSerializer.Deserialize((await Store.GetStatusIndexAsync(unit))!.Content, StatusIndexJsonContext.Default.StatusIndex)!;
        Assert.Equal(records.Select(r => r.StatementId).Order(StringComparer.Ordinal), index.Entries.Select(e => e.StatementId));
        // One group, or the first caller's write and one for the lines gathered while it waited; one write per caller would be 40.
        Assert.InRange(CountingStore.Writes(counting), 1, 2);
    }

    /// <summary>An <see cref="IStatementStore"/> that counts the status-index writes it forwards, each after a gate opens.</summary>
    public class CountingStore : System.Reflection.DispatchProxy
    {
        private IStatementStore _inner = null!;
        private Task _gate = Task.CompletedTask;
        private int _writes;

        public static IStatementStore Wrap(IStatementStore inner, Task gate)
        {
            var proxy = Create<IStatementStore, CountingStore>();
            var self = (CountingStore)(object)proxy;
            (self._inner, self._gate) = (inner, gate);
            return proxy;
        }

        public static int Writes(IStatementStore proxy) => Volatile.Read(ref ((CountingStore)(object)proxy)._writes);

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(IStatementStore.PutStatusIndexAsync))
            {
                Interlocked.Increment(ref _writes);
                return GatedAsync(() => (Task<string?>)Forward(targetMethod, args)!);
            }

            return Forward(targetMethod, args);
        }

        private async Task<string?> GatedAsync(Func<Task<string?>> write)
        {
            await _gate;
            return await write();
        }

        private object? Forward(System.Reflection.MethodInfo method, object?[]? args)
        {
            try
            {
                return method.Invoke(_inner, args);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{ not json")]
    [InlineData("{\"version\":99,\"entries\":[]}")]
    public async Task StatusIndex_IsRebuiltFromTheRecords_WhenMissingUnreadableOrOfAnotherVersion(string? content)
    {
        var unit = NewUnit();
        var records = Enumerable.Range(0, 5).Select(i => Record(unit, Bytes("重建 " + i), RecordStatus.Rejected, $"{i}.txt")).ToList();
        foreach (var record in records)
        {
            await Store.PutRecordAsync(record); // written without the index, as before it existed
        }

        if (content is not null)
        {
            await Store.PutStatusIndexAsync(unit, Bytes(content), WriteCondition.Always);
        }

        var indexer = new UnitStatusIndexer(Store, NullLogger<UnitStatusIndexer>.Instance);
        var extra = Record(unit, Bytes("重建 新"), RecordStatus.Accepted, "新.txt");
        await Store.PutRecordAsync(extra);
        await indexer.RecordAsync(extra);

        var lines = await indexer.ReadAsync(unit);
        Assert.Equal(records.Append(extra).Select(r => r.StatementId).Order(StringComparer.Ordinal), lines.Select(e => e.StatementId).Order(StringComparer.Ordinal));
        var stored = JsonSerializer.Deserialize((await Store.GetStatusIndexAsync(unit))!.Content, StatusIndexJsonContext.Default.StatusIndex)!;
        Assert.Equal(6, stored.Entries.Count);
    }

    [Fact]
    public async Task StatusReader_ListsARecordTheIndexLacks_AndRepairsTheIndex()
    {
        var unit = NewUnit();
        var indexer = new UnitStatusIndexer(Store, NullLogger<UnitStatusIndexer>.Instance);
        var first = Record(unit, Bytes("修复 1"), RecordStatus.Rejected, "1.txt");
        await Store.PutRecordAsync(first);
        await indexer.RecordAsync(first);
        var late = Record(unit, Bytes("修复 2"), RecordStatus.Accepted, "2.txt");
        await Store.PutRecordAsync(late); // its writer stopped before updating the index

        var listed = await new UnitStatusReader(Store, indexer).ReadAsync(unit);

        Assert.Equal([("1.txt", UploadStatus.Rejected), ("2.txt", UploadStatus.Accepted)], listed.Select(u => (u.FileName, u.Status)));
        var stored = JsonSerializer.Deserialize((await Store.GetStatusIndexAsync(unit))!.Content, StatusIndexJsonContext.Default.StatusIndex)!;
        Assert.Equal(2, stored.Entries.Count);
    }
}
