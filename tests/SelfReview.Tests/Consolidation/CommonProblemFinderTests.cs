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
    public void Find_GivesTheClustersOfTheBoundedRuleComparedPairByPair_OnAGeneratedUnit(double threshold)
    {
        var problems = Generated.Value;

        var clusters = new CommonProblemFinder(threshold, _ => null).Find(problems);

        var expected = BoundedAllPairs(problems, threshold);
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

    [Fact]
    public void Find_KeepsAChainOfGraduallyChangingWordingsApart()
    {
        // W0 ~ W1 ~ … ~ W11: each wording shares two thirds of its characters with the next, a third with the
        // one after (not enough to be similar), nothing with any further one.
        var pool = Enumerable.Range(0, 120).Select(i => (char)(0x5000 + (i * 7))).ToArray();
        var problems = new List<ProblemRef>();
        for (var k = 0; k < 12; k++)
        {
            var text = new string(pool, k * 8, 24) + "。";
            problems.Add(Problem(2 * k, "p1", text));
            problems.Add(Problem((2 * k) + 1, "p1", text));
        }

        var clusters = new CommonProblemFinder(0.42, _ => null).Find(problems);

        var wordingsOf = clusters.Select(c => c.Select(i => i / 2).Distinct().Order().ToList()).ToList();
        Assert.True(wordingsOf.Count >= 3, $"a chain of 12 wordings is cut into several rows, not {wordingsOf.Count}");
        Assert.All(wordingsOf, w => Assert.True(w[^1] - w[0] <= 4, $"one row holds wordings {w[0]} to {w[^1]}, which share nothing"));
        Assert.Equal(Enumerable.Range(0, 12), wordingsOf.SelectMany(w => w).Order());
    }

    [Fact]
    public void Find_KeepsDistinctProblemsDistinct_InALargeGeneratedUnitWithBridgingWordings()
    {
        // 200 distinct problems, each written by 10 members in slightly different words, and between each
        // problem and the next a member who wrote half of one and half of the other: single linkage made
        // all of them one row through the bridges.
        const int families = 200;
        var random = new Random(17);
        var problems = new List<ProblemRef>();
        var familyOf = new List<int>();
        string Family(int k) => new([.. Enumerable.Range(0, 30).Select(i => (char)(0x4E00 + (k * 40) + i))]);
        var statement = 0;
        for (var k = 0; k < families; k++)
        {
            var words = Family(k);
            for (var m = 0; m < 10; m++)
            {
                var drop = random.Next(words.Length);
                problems.Add(Problem(statement++, "p1", words.Remove(drop, 1) + "。"));
                familyOf.Add(k);
            }

            if (k + 1 < families)
            {
                problems.Add(Problem(statement++, "p1", words[..15] + Family(k + 1)[..15] + "。"));
                familyOf.Add(-1);
            }
        }

        var clusters = new CommonProblemFinder(0.42, _ => null).Find(problems);

        var spans = clusters.Select(c => c.Where(i => familyOf[i] >= 0).Select(i => familyOf[i]).Distinct().Order().ToList()).ToList();
        Assert.True(clusters.Count >= families / 3, $"{families} distinct problems give at least {families / 3} rows, not {clusters.Count}");
        Assert.All(spans, f => Assert.True(f.Count == 0 || f[^1] - f[0] <= 2, $"one row holds problems {f[0]} to {f[^1]}"));
        Assert.Equal(Enumerable.Range(0, families), spans.SelectMany(f => f).Distinct().Order());
    }

    /// <summary>
    /// The rule compared pair by pair: different statements, Dice at the threshold, three shared bigrams that
    /// are not common to many problems; identical bigram sets of several statements together; then, smallest
    /// set first, each set joins the most similar earlier one at most one step from its centre.
    /// </summary>
    private static List<List<int>> BoundedAllPairs(List<ProblemRef> problems, double threshold)
    {
        var sets = problems.Select(p => Shingles.Of(p.Item.Title + "。" + (p.Item.Text.Length <= 80 ? p.Item.Text : p.Item.Text[..80]))).ToList();
        var frequency = sets.SelectMany(s => s.Set).GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
        var stopAbove = Math.Max(8, (int)(problems.Count * 0.05));
        var parent = Enumerable.Range(0, problems.Count).ToArray();
        void Join(int a, int b)
        {
            var (ra, rb) = (Root(parent, a), Root(parent, b));
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }

        var groups = Enumerable.Range(0, problems.Count)
            .GroupBy(i => string.Join(',', sets[i].Set.Order()))
            .Select((g, id) => (Id: id, Members: g.ToList(), Set: sets[g.First()].Set))
            .ToList();
        bool SameStatementOnly((int Id, List<int> Members, IReadOnlySet<int> Set) g) => g.Members.Select(i => problems[i].StatementIndex).Distinct().Count() == 1;
        foreach (var g in groups.Where(g => !SameStatementOnly(g) && g.Set.Count(b => frequency[b] <= stopAbove) >= 3))
        {
            g.Members.ForEach(m => Join(g.Members[0], m));
        }

        var hops = new Dictionary<int, int>();
        foreach (var x in groups.OrderBy(g => g.Set.Count).ThenBy(g => g.Id))
        {
            (int Id, List<int> Members, IReadOnlySet<int> Set)? best = null;
            var bestDice = -1.0;
            foreach (var y in groups.Where(y => hops.TryGetValue(y.Id, out var h) && h < 2))
            {
                if (SameStatementOnly(x) && SameStatementOnly(y) && problems[x.Members[0]].StatementIndex == problems[y.Members[0]].StatementIndex)
                {
                    continue;
                }

                var shared = x.Set.Count(y.Set.Contains);
                var dice = 2.0 * shared / (x.Set.Count + y.Set.Count);
                if (x.Set.Count(b => y.Set.Contains(b) && frequency[b] <= stopAbove) >= 3 && dice >= threshold
                    && (dice > bestDice || (dice == bestDice && (hops[y.Id] < hops[best!.Value.Id] || (hops[y.Id] == hops[best.Value.Id] && y.Id < best.Value.Id)))))
                {
                    best = y;
                    bestDice = dice;
                }
            }

            hops[x.Id] = best is { } b ? hops[b.Id] + 1 : 0;
            if (best is { } joined)
            {
                x.Members.Concat(joined.Members).ToList().ForEach(m => Join(x.Members[0], m));
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
