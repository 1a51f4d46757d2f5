using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Tests.Consolidation;

public sealed class ProblemMeasureLinkerTests
{
    [Fact]
    public async Task Link_LinksAsScoringEveryPairWould_OnTheSeedStatement()
    {
        var record = await Engine.ProcessFileAsync(TestFiles.SeedText);
        var problems = record.Items(SectionKind.Problems);
        var measures = record.Items(SectionKind.Measures);

        var links = new ProblemMeasureLinker().Link(problems, measures, m => CategoryCode.Other);

        // Where the wording links a problem, the index finds what scoring every pair finds; the problems
        // the wording leaves unanswered may then take a measure by the statement's structure.
        foreach (var problem in problems.Where(p => EveryPair(p, measures).Count > 0))
        {
            Assert.Equal(EveryPair(problem, measures), links[problem.Id]);
        }
    }

    [Fact]
    public void Link_Completes_OnTenThousandProblemsAndTenThousandMeasures()
    {
        // All pairs scored took 88 s here; through the index each problem scores at most 64 candidates.
        var problems = Enumerable.Range(1, 10_000).Select(i => Item($"p{i}", $"第{i}号问题：{Words(i)}学习不够深入")).ToList();
        var measures = Enumerable.Range(1, 10_000).Select(i => Item($"m{i}", $"第{i}号措施：{Words(i)}加强学习")).ToList();

        var links = new ProblemMeasureLinker().Link(problems, measures, _ => CategoryCode.Theory);

        Assert.Equal(10_000, links.Count);
        Assert.All(links.Values, l => Assert.InRange(l.Count, 0, 2));
        // Each problem shares its rare words with exactly its own measure: that is the one linked first.
        Assert.True(links.Count(l => l.Value.Count > 0 && l.Value[0] == "m" + l.Key[1..]) > 9_000);
    }

    [Fact]
    public void Link_ObservesCancellation()
    {
        var problems = Enumerable.Range(1, 100).Select(i => Item($"p{i}", "学习不够深入")).ToList();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new ProblemMeasureLinker().Link(problems, problems, _ => CategoryCode.Other, cancelled.Token));
    }

    /// <summary>Two rare characters per item, from its number: the words no other item shares.</summary>
    private static string Words(int i) => new([(char)(0x4E00 + (i % 5000) * 2), (char)(0x6000 + (i / 5000) * 7 + (i % 997)), (char)(0x7000 + (i % 4001))]);

    private static StatementItem Item(string id, string text) => new() { Id = id, Title = text, Text = text };

    /// <summary>The linker's rule applied to every pair, as it was before the index.</summary>
    private static IReadOnlyList<string> EveryPair(StatementItem problem, IReadOnlyList<StatementItem> measures)
    {
        var title = Shingles.Of(problem.Title);
        var text = Shingles.Of(problem.Text);
        var scored = measures
            .Select(m => (m.Id, Score: Math.Max(title.Containment(Shingles.Of(m.Title)) * 0.6, text.Dice(Shingles.Of(m.Text)))))
            .Where(s => s.Score >= ProblemMeasureLinker.LinkThreshold)
            .OrderByDescending(s => s.Score)
            .ToList();
        return scored.Count == 0 ? [] : [.. scored.Where(s => s.Score >= scored[0].Score * 0.85).Take(2).Select(s => s.Id)];
    }
}
