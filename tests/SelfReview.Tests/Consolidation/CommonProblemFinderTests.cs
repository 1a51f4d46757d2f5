using SelfReview.Contracts;
using SelfReview.Fixtures;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Tests.Consolidation;

public sealed class CommonProblemFinderTests
{
    private static readonly Lazy<List<ProblemRef>> Generated = new(() =>
    {
        var problems = new List<ProblemRef>();
        var statements = new CorpusGenerator(seed: 9).Generate(160).ToList();
        for (var s = 0; s < statements.Count; s++)
        {
            var record = Engine.ProcessAsync(statements[s].ToDocx(), statements[s].FileName).GetAwaiter().GetResult();
            problems.AddRange(record.Items(SectionKind.Problems).Select(item => new ProblemRef(s, record, item, statements[s].FileName)));
        }

        return problems;
    });

    [Theory]
    [InlineData(0.42)]
    [InlineData(0.3)]
    [InlineData(0.7)]
    public void Find_GivesTheClustersOfTheAllPairsRule_OnAGeneratedUnit(double threshold)
    {
        var problems = Generated.Value;

        var clusters = new CommonProblemFinder(threshold, _ => null).Find(problems);

        var expected = AllPairs(problems, threshold);
        Assert.True(expected.Count >= 5, $"the generated unit has common problems to find ({expected.Count})");
        Assert.Equal(expected.Count, clusters.Count);
        for (var c = 0; c < expected.Count; c++)
        {
            Assert.Equal(expected[c], clusters[c]);
        }
    }

    [Fact]
    public void Find_JoinsTheSameWordingOfTwoMembers_ButNotTwiceInOneStatement()
    {
        var text = "调查研究不够深入。下基层多是看重点工程、听专题汇报，到偏远山区村组了解群众困难的次数少。";
        var other = "意识形态工作抓得不紧。对局属单位微信公众号、工作群的内容审核关注不够。";
        List<ProblemRef> problems =
        [
            Problem(0, "p1", text), Problem(0, "p2", text), Problem(1, "p1", other), Problem(2, "p1", text), Problem(3, "p1", other + "自己"),
        ];

        var clusters = new CommonProblemFinder(0.42, _ => null).Find(problems);

        Assert.Equal([[0, 1, 3], [2, 4]], clusters);
        Assert.Empty(new CommonProblemFinder(0.42, _ => null).Find([Problem(0, "p1", text), Problem(0, "p2", text)]));
    }

    private static ProblemRef Problem(int statement, string id, string text)
    {
        var record = new StatementRecord
        {
            StatementId = "s" + statement,
            UnitId = "u",
            Status = RecordStatus.Accepted,
            Source = new SourceInfo { FileName = $"{statement}.docx", MediaType = "text/plain", Size = 1, Sha256 = "x" },
        };
        return new ProblemRef(statement, record, new StatementItem { Id = id, Title = text[..text.IndexOf('。', StringComparison.Ordinal)], Text = text }, "m" + statement);
    }

    /// <summary>The rule compared pair by pair: different statements, Dice at the threshold, three shared bigrams that are not common to many problems.</summary>
    private static List<List<int>> AllPairs(List<ProblemRef> problems, double threshold)
    {
        var sets = problems.Select(p => Shingles.Of(p.Item.Title + "。" + (p.Item.Text.Length <= 80 ? p.Item.Text : p.Item.Text[..80]))).ToList();
        var frequency = sets.SelectMany(s => s.Set).GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
        var stopAbove = Math.Max(8, (int)(problems.Count * 0.05));
        var parent = Enumerable.Range(0, problems.Count).ToArray();
        for (var i = 0; i < problems.Count; i++)
        {
            for (var j = i + 1; j < problems.Count; j++)
            {
                if (problems[i].StatementIndex != problems[j].StatementIndex
                    && sets[i].Set.Count(b => sets[j].Set.Contains(b) && frequency[b] <= stopAbove) >= 3
                    && sets[i].Dice(sets[j]) >= threshold)
                {
                    var (a, b) = (Root(parent, i), Root(parent, j));
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        return [.. Enumerable.Range(0, problems.Count).GroupBy(i => Root(parent, i)).Select(g => g.Order().ToList())
            .Where(g => g.Select(i => problems[i].StatementIndex).Distinct().Count() >= 2).OrderBy(g => g[0])];
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            i = parent[i];
        }

        return i;
    }
}
