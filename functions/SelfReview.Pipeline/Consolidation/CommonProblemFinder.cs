namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Groups near-identical problems written by different members. Candidates come from an inverted
/// index over character bigrams (bigrams common to many problems are skipped), so the work grows with
/// the number of problems and their real overlaps — not with all pairs. Members also share a problem
/// when they name the same specific topic in the same category (调查研究, 八项规定) in other words.
/// </summary>
internal sealed class CommonProblemFinder(double threshold, Func<ProblemRef, string?> topicOf)
{
    /// <summary>Skip bigrams found in more than this share of problems ("问题", "不够" …): they link everything.</summary>
    private const double StopShare = 0.05;

    private const int MinSharedBigrams = 3;

    /// <summary>Clusters of indexes into <paramref name="problems"/>, each holding problems of at least two statements.</summary>
    public List<List<int>> Find(IReadOnlyList<ProblemRef> problems)
    {
        var keys = problems.Select(p => Shingles.Of(p.Item.Title + "。" + Lead(p.Item.Text))).ToArray();
        var postings = new Dictionary<int, List<int>>();
        for (var i = 0; i < keys.Length; i++)
        {
            foreach (var bigram in keys[i].Set)
            {
                (postings.TryGetValue(bigram, out var list) ? list : postings[bigram] = []).Add(i);
            }
        }

        var stopAbove = Math.Max(8, (int)(problems.Count * StopShare));
        var parent = Enumerable.Range(0, problems.Count).ToArray();
        var shared = new Dictionary<int, int>();
        for (var i = 0; i < keys.Length; i++)
        {
            shared.Clear();
            foreach (var bigram in keys[i].Set)
            {
                var list = postings[bigram];
                if (list.Count > stopAbove)
                {
                    continue;
                }

                foreach (var j in list)
                {
                    if (j > i && problems[j].StatementIndex != problems[i].StatementIndex)
                    {
                        shared[j] = shared.GetValueOrDefault(j) + 1;
                    }
                }
            }

            foreach (var (j, count) in shared)
            {
                if (count >= MinSharedBigrams && keys[i].Dice(keys[j]) >= threshold)
                {
                    Union(parent, i, j);
                }
            }
        }

        // Same category and the same specific topic named in the title: one hash bucket per topic.
        var firstOfTopic = new Dictionary<(Contracts.CategoryCode, string), int>();
        for (var i = 0; i < problems.Count; i++)
        {
            if (topicOf(problems[i]) is not { } topic)
            {
                continue;
            }

            var key = (problems[i].Item.Category?.Code ?? Contracts.CategoryCode.Other, topic);
            if (firstOfTopic.TryGetValue(key, out var first))
            {
                Union(parent, first, i);
            }
            else
            {
                firstOfTopic[key] = i;
            }
        }

        return [.. Enumerable.Range(0, problems.Count)
            .GroupBy(i => Find(parent, i))
            .Select(g => g.Order().ToList())
            .Where(g => g.Select(i => problems[i].StatementIndex).Distinct().Count() >= 2)
            .OrderBy(g => g[0])];
    }

    /// <summary>The opening of a problem's text: where members' shared wording usually is.</summary>
    private static string Lead(string text) => text.Length <= 80 ? text : text[..80];

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            // The earlier problem stays the root, so clusters are named the same way every run.
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
