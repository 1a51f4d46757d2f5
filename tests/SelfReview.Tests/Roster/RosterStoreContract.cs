using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Roster;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Roster;

/// <summary>
/// The roster over a real store (the folder tree and Blob Storage on Azurite): imported, applied by
/// consolidation, re-applied when it changes, owners set by hand, and the list never showing a file stem.
/// </summary>
public abstract partial class RosterStoreContract
{
    private static readonly string[] Members = ["001", "002", "005", "009"];

    protected abstract IStatementStore Store { get; }

    private readonly RecordingScheduler _scheduler = new();

    private static string NewUnit() => "roster-" + Guid.NewGuid().ToString("N")[..10];

    private RosterImporter Importer() => new(Store, _scheduler, TimeProvider.System);

    private UnitReportPublisher Publisher() => ActivatorUtilities.CreateInstance<UnitReportPublisher>(Engine.Services, Store);

    private async Task<List<StatementRecord>> UploadAsync(string unit)
    {
        var records = new List<StatementRecord>();
        foreach (var member in Members)
        {
            var record = await Engine.ProcessFileAsync(TestFiles.CorpusFile(member + ".txt"), unit);
            await Store.PutRecordAsync(record);
            records.Add(record);
        }

        return records;
    }

    private async Task<RectificationList> ListAsync(string unit)
    {
        var file = await Store.GetReportAsync(unit, ReportFormats.ListJson.Name);
        return SelfReviewJson.Deserialize(file!.Content, SelfReviewJson.RectificationList);
    }

    private static byte[] RosterCsv(string first) => RosterSheets.GbkCsv(
        "姓名,职务,分管领域,文件名\r\n" +
        first + ",局长,全面工作、党建,001.txt\r\n" +
        "吴芳,副局长,意识形态、理论学习,002.txt\r\n" +
        "郑志刚,纪检组长,党风廉政建设、八项规定,005.txt\r\n" +
        "钱卫东,副局长,业务工作,009.txt\r\n");

    [GeneratedRegex(@"^\d{3}$|\.txt|\.docx|[0-9a-f]{8}")]
    private static partial Regex FileStem();

    [Fact]
    public async Task Roster_GivesEveryRowAPersonWithAPosition_AndIsReappliedWhenItChanges()
    {
        var unit = NewUnit();
        await UploadAsync(unit);
        await Publisher().PublishAsync(unit);
        var before = await ListAsync(unit);
        Assert.All(before.Rows.SelectMany(r => r.Owners), o => Assert.DoesNotMatch(FileStem(), o));

        var imported = Assert.IsType<RosterOutcome.Stored>(await Importer().ImportAsync(unit, "名册.csv", RosterCsv("周明远")));
        Assert.Equal((4, 4, 4), (imported.View.People.Count, imported.View.Matched, imported.View.Total));
        Assert.Contains(unit, _scheduler.Requested);
        Assert.Equal(PublishOutcome.Published, await Publisher().PublishAsync(unit));

        var list = await ListAsync(unit);
        Assert.All(list.Rows, r => Assert.All(r.OwnerDetails, o => Assert.Equal(OwnerMatch.RosterFileName, o.MatchedBy)));
        Assert.Equal(["吴芳", "周明远", "郑志刚", "钱卫东"], list.Rows.SelectMany(r => r.Owners).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(list.Rows.SelectMany(r => r.OwnerDetails), o => o is { Name: "郑志刚", Position: "纪检组长" });
        var stored = await Store.GetTrackingAsync(unit, TrackingNames.Roster);
        Assert.NotNull(stored);

        // A corrected roster re-labels the rows at the next run (the roster is part of the fingerprint).
        Assert.IsType<RosterOutcome.Stored>(await Importer().ImportAsync(unit, "名册（修订）.csv", RosterCsv("周明达")));
        Assert.Equal(PublishOutcome.Published, await Publisher().PublishAsync(unit));
        var owners = (await ListAsync(unit)).Rows.SelectMany(r => r.Owners).ToHashSet();
        Assert.Contains("周明达", owners);
        Assert.DoesNotContain("周明远", owners);
        Assert.Equal(PublishOutcome.UpToDate, await Publisher().PublishAsync(unit));
    }

    [Fact]
    public async Task OwnerSetByHand_WinsAndSurvivesANewRoster_AndAStaleIfMatchIsRefused()
    {
        var unit = NewUnit();
        var records = await UploadAsync(unit);
        var first = Assert.IsType<RosterOutcome.Stored>(await Importer().ImportAsync(unit, "名册.xlsx", RosterSheets.Xlsx(["姓名", "职务"], ["周明远", "局长"], ["吴芳", "副局长"])));
        var statement = records[0].StatementId;
        Assert.Equal(OwnerMatch.Unconfirmed, first.View.Statements.Single(s => s.StatementId == statement).MatchedBy);

        var assigned = Assert.IsType<RosterOutcome.Stored>(await Importer().AssignAsync(unit, statement, "吴芳", first.View.ETag));
        Assert.Equal(("吴芳", "副局长", OwnerMatch.Assigned), assigned.View.Statements.Single(s => s.StatementId == statement) is var s ? (s.Owner, s.Position, s.MatchedBy) : default);
        Assert.IsType<RosterOutcome.Stale>(await Importer().AssignAsync(unit, statement, "周明远", first.View.ETag));
        Assert.IsType<RosterOutcome.NotFound>(await Importer().AssignAsync(unit, statement, "不在名册", null));

        Assert.IsType<RosterOutcome.Stored>(await Importer().ImportAsync(unit, "名册.csv", RosterCsv("周明远")));
        await Publisher().PublishAsync(unit);
        var list = await ListAsync(unit);
        Assert.Contains(list.Rows.SelectMany(r => r.OwnerDetails), o => o.StatementId == statement && o is { Name: "吴芳", MatchedBy: OwnerMatch.Assigned });
        Assert.True((await Store.ListReportsAsync(unit)).Any(f => f.Name.StartsWith("personal-", StringComparison.Ordinal)), "the personal lists are written");
        Assert.Contains(await Store.ListReportsAsync(unit), f => f.Name == ReportFormats.TeamList.Name);
    }

    [Fact]
    public async Task WithoutARoster_UnnamedStatementsShowThePlaceholder_AndTheUnitIsFlagged()
    {
        var unit = NewUnit();
        await UploadAsync(unit);
        await Publisher().PublishAsync(unit);

        var list = await ListAsync(unit);
        var summary = SelfReviewJson.Deserialize((await Store.GetReportAsync(unit, ReportFormats.SummaryJson.Name))!.Content, SelfReviewJson.UnitSummary);
        Assert.Contains(list.Rows.SelectMany(r => r.Owners), o => o == OwnerResolver.Unconfirmed);
        Assert.All(list.Rows.SelectMany(r => r.Owners), o => Assert.DoesNotMatch(FileStem(), o));
        Assert.Contains(summary.Quality, q => q.Flag.Code == "owner_unconfirmed");
    }

    [Fact]
    public async Task LastYearsList_MarksTheRowsListedAgain_WithLastYearsRow()
    {
        var unit = NewUnit();
        await UploadAsync(unit);
        await Publisher().PublishAsync(unit);
        var thisYear = await Store.GetReportAsync(unit, ReportFormats.ListXlsx.Name);

        // Last year's list: this system's own XLSX export of the same problems, statuses edited by the office.
        var next = NewUnit();
        await UploadAsync(next);
        var stored = Assert.IsType<RosterOutcome.LastYearStored>(await Importer().ImportLastYearAsync(next, "上年度整改清单.xlsx", thisYear!.Content));
        await Publisher().PublishAsync(next);

        var list = await ListAsync(next);
        Assert.Equal(list.Rows.Count, stored.Rows);
        Assert.All(list.Rows, r => Assert.Equal("上年度整改清单", r.LastYear?.Source));
        Assert.True(list.Rows.Count(r => r.LastYear!.Row.Number == r.Number) * 10 >= list.Rows.Count * 9, "rows match their own row of last year");
        var csv = System.Text.Encoding.UTF8.GetString((await Store.GetReportAsync(next, ReportFormats.ListCsv.Name))!.Content);
        Assert.Contains("上年度第 1 项：", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRefusesABadRoster_AndKeepsTheOldOne()
    {
        var unit = NewUnit();
        await UploadAsync(unit);
        Assert.IsType<RosterOutcome.Stored>(await Importer().ImportAsync(unit, "名册.csv", RosterCsv("周明远")));

        var refused = Assert.IsType<RosterOutcome.Invalid>(await Importer().ImportAsync(unit, "坏名册.csv", RosterSheets.Utf8Csv("姓名,职务\n张三,局长\n,副局长\n")));

        Assert.Contains("坏名册.csv", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("第 3 行", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(4, (await Importer().ViewAsync(unit)).People.Count);
    }
}
