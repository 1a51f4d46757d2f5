using System.Text;
using SelfReview.Contracts;
using SelfReview.Pipeline.Classification;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Tests.Consolidation;

public sealed class OwnUnitTests
{
    private static async Task<UnitReport> ConsolidateAsync(params (string Name, string Text)[] files)
    {
        var records = new List<StatementRecord>();
        foreach (var (name, text) in files)
        {
            records.Add(await Engine.ProcessAsync(Encoding.UTF8.GetBytes(text), name, "own"));
        }

        var consolidator = new UnitConsolidator(new ConsolidationOptions { UnitName = "某局", MeetingDate = OwnUnit.MeetingDate }, TimeProvider.System, Engine.Get<DomainVocabulary>(), Engine.Get<DeadlineExtractor>());
        return consolidator.Consolidate("own", records);
    }

    private static Dictionary<string, string[]> FlagsByFile(UnitReport report) => report.Summary.Members.ToDictionary(
        m => m.FileName,
        m => report.Summary.Quality
            .Where(q => q.StatementId == m.StatementId || (q.StatementId is null && q.Flag.ItemIds.Contains(m.StatementId)))
            .Select(q => q.Flag.Code).Order(StringComparer.Ordinal).ToArray());

    [Fact]
    public async Task Consolidate_JoinsProblemsOfOneTopicInOtherWords_WithoutMergingUnrelatedOnes()
    {
        var report = await ConsolidateAsync(("a.txt", OwnUnit.A), ("b.txt", OwnUnit.B), ("c.txt", OwnUnit.C));

        Assert.Equal(
            [(CategoryCode.Style, "a.txt:p1 b.txt:p1"), (CategoryCode.Integrity, "a.txt:p2 b.txt:p2")],
            report.Summary.CommonProblems.Select(c => (c.Category, string.Join(' ', c.Items.Select(i => Name(report, i))))));
        Assert.Equal(2 + 1 + 1 + 2, report.Rectifications.Rows.Count);
        Assert.All(report.Rectifications.Rows, r => Assert.DoesNotContain('…', r.ProblemTitle!));
    }

    [Fact]
    public async Task Consolidate_CountsACopyOnce_AndKeepsTheLatestVersionOfAMembersStatement()
    {
        var report = await ConsolidateAsync(("a.txt", OwnUnit.A), ("a-scan.txt", OwnUnit.ANoisy), ("b.txt", OwnUnit.B), ("b-修改稿.txt", OwnUnit.BRevised), ("c.txt", OwnUnit.C));
        var summary = report.Summary;

        Assert.Equal(5, summary.Statements);
        Assert.Equal(2, summary.Superseded);
        var superseded = summary.Members.Where(m => m.SupersededBy is not null).ToDictionary(m => m.FileName, m => summary.Members.Single(k => k.StatementId == m.SupersededBy).FileName);
        Assert.Equal(new Dictionary<string, string> { ["a-scan.txt"] = "a.txt", ["b.txt"] = "b-修改稿.txt" }, superseded);

        // The kept statements alone make the list: 3 + 4 + 2 problems, two topics shared, one topic of b's fourth problem alone.
        Assert.Equal(3 + 4 + 2, summary.Problems);
        Assert.Equal(2, summary.CommonProblems.Count);
        Assert.Equal(summary.Problems, report.Rectifications.Rows.Sum(r => r.Problems.Count));
        Assert.DoesNotContain(report.Rectifications.Rows.SelectMany(r => r.Problems), i => superseded.ContainsKey(Name(report, i).Split(':')[0]));
        Assert.Equal(2, summary.Quality.Count(q => q.Flag.Code == "superseded_statement"));
        var supersededIds = superseded.Keys.Select(f => summary.Members.Single(m => m.FileName == f).StatementId).ToList();
        Assert.DoesNotContain(summary.Quality, q => q.Flag.Code == "copied_text" && q.Flag.ItemIds.Intersect(supersededIds).Any());
    }

    [Fact]
    public async Task Review_FlagsEachMemberAsExpected_CopiedTextOncePerPair()
    {
        var report = await ConsolidateAsync(("a.txt", OwnUnit.A), ("b.txt", OwnUnit.B), ("c.txt", OwnUnit.C));

        var flags = FlagsByFile(report);
        Assert.Equal(["copied_text", "measure_without_deadline", "vague_measure"], flags["a.txt"]);
        Assert.Empty(flags["b.txt"]);
        Assert.Equal(["copied_text", "deadline_before_meeting", "other_meeting"], flags["c.txt"]);
        var copied = Assert.Single(report.Summary.Quality, q => q.Flag.Code == "copied_text").Flag;
        Assert.Single(copied.Evidence);
        var early = report.Summary.Quality.Single(q => q.Flag.Code == "deadline_before_meeting").Flag;
        Assert.Equal(["加强家风建设（2024年6月底前）"], early.Evidence);
    }

    private static string Name(UnitReport report, ItemRef item) =>
        report.Summary.Members.Single(m => m.StatementId == item.StatementId).FileName + ":" + item.ItemId;
}
