using System.Runtime.InteropServices;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Groups near-identical problems written by different members: two problems of different statements
/// are one common problem when their character bigrams (title and the opening of the text) reach the
/// Dice threshold and share at least three bigrams that are not common to many problems ("问题",
/// "不够" …). Members also share a problem when they name the same specific topic in the same
/// category (调查研究, 八项规定) in other words.
/// </summary>
/// <remarks>
/// The pairs are found without comparing all pairs, and without the quadratic cost of walking long
/// posting lists, so a province-sized unit stays near-linear:
/// <list type="bullet">
/// <item>problems with the same bigram set (members copying one template) are compared once, as a group;</item>
/// <item>candidates come from prefix filtering (Bayardo et al., "Scaling up all pairs similarity search",
/// WWW 2007; Xiao et al., PPJoin, WWW 2008): with bigrams ordered rarest first, two sets whose Dice
/// reaches t share a bigram within the first |x| − ⌈t|x|/(2−t)⌉ + 1 of the larger and the first
/// |y| − ⌈t|y|⌉ + 1 of the smaller, so only those prefixes are indexed and probed;</item>
/// <item>every candidate is then checked with the exact rule;</item>
/// <item>clusters do not chain: a problem joins a cluster through a member at most two similarity steps
/// from the cluster's centre (<see cref="LinkSimilarGroups"/>), so unrelated problems linked only through a
/// long run of intermediate wordings stay apart however large the unit.</item>
/// </list>
/// </remarks>
internal sealed class CommonProblemFinder(double threshold, Func<ProblemRef, string?> topicOf)
{
    /// <summary>Bigrams found in more than this share of problems ("问题", "不够" …) do not count as shared wording: they link everything.</summary>
    private const double StopShare = 0.05;

    private const int MinSharedBigrams = 3;

    /// <summary>How many similarity steps a problem may be from its cluster's centre: bounds how far apart two problems of one cluster are.</summary>
    private const int MaxHops = 2;

    /// <summary>Slack for the prefix lengths, so rounding can only lengthen a prefix (more candidates, never fewer).</summary>
    private const double Slack = 1e-9;

    /// <summary>Clusters of indexes into <paramref name="problems"/>, each holding problems of at least two statements.</summary>
    public List<List<int>> Find(IReadOnlyList<ProblemRef> problems)
    {
        var parent = Enumerable.Range(0, problems.Count).ToArray();
        var sets = new IReadOnlySet<int>[problems.Count];
        var frequency = new Dictionary<int, int>();
        for (var i = 0; i < problems.Count; i++)
        {
            sets[i] = Shingles.Of(problems[i].Item.Title + "。" + Lead(problems[i].Item.Text)).Set;
            foreach (var bigram in sets[i])
            {
                CollectionsMarshal.GetValueRefOrAddDefault(frequency, bigram, out _)++;
            }
        }

        // Bigrams renamed by rank, rarest first (ties by value): sets become sorted int arrays in the
        // order prefix filtering needs, and stop bigrams are exactly the ranks from firstStop on.
        var ranked = frequency.Keys.Order().OrderBy(b => frequency[b]).ToArray();
        var rankOf = new Dictionary<int, int>(ranked.Length);
        for (var r = 0; r < ranked.Length; r++)
        {
            rankOf[ranked[r]] = r;
        }

        var stopAbove = Math.Max(8, (int)(problems.Count * StopShare));
        var firstStop = Array.FindIndex(ranked, b => frequency[b] > stopAbove) is var at and >= 0 ? at : ranked.Length;
        var groups = GroupIdentical(problems, sets, rankOf, firstStop);
        foreach (var group in groups.Where(g => g.Statements > 1 && g.NonStop >= MinSharedBigrams && IsSimilar(g.Tokens.Length, g.Tokens.Length, g.Tokens.Length)))
        {
            // Members of different statements with the same wording: each pair qualifies.
            JoinMembers(parent, group);
        }

        LinkSimilarGroups(parent, groups, ranked.Length, firstStop);

        // Same category and the same specific topic named in the title: one hash bucket per topic. Topics are
        // specific by design (topics.json), so this joins related problems, not a chain of wordings.
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

    /// <summary>Problems with the same bigram set (members copying one template), each set as sorted ranks.</summary>
    private static List<Group> GroupIdentical(IReadOnlyList<ProblemRef> problems, IReadOnlySet<int>[] sets, Dictionary<int, int> rankOf, int firstStop)
    {
        var groups = new List<Group>();
        var bySet = new Dictionary<int[], Group>(TokenComparer.Instance);
        for (var i = 0; i < problems.Count; i++)
        {
            var tokens = new int[sets[i].Count];
            var n = 0;
            foreach (var bigram in sets[i])
            {
                tokens[n++] = rankOf[bigram];
            }

            Array.Sort(tokens);
            if (!bySet.TryGetValue(tokens, out var group))
            {
                group = new Group(groups.Count, tokens, tokens.Count(t => t < firstStop), problems[i].StatementIndex);
                bySet[tokens] = group;
                groups.Add(group);
            }

            group.Members.Add(i);
            if (problems[i].StatementIndex != group.FirstStatement)
            {
                group.Statements = 2;
            }
        }

        return groups;
    }

    /// <summary>
    /// Links groups whose sets pass the rule, without chaining: groups are taken smallest first, and each
    /// joins the most similar earlier group that is a cluster's centre or one step from it (at most
    /// <see cref="MaxHops"/> steps from the centre), else starts a cluster of its own. Union over every
    /// similar pair (single linkage) joined A~B~C~… into one cluster however far apart A and the last
    /// were: a unit of 10,000 statements gave 45 rows for 91,228 problems. Only groups that can still be
    /// joined are indexed; each probes the index with its prefix and verifies every candidate exactly.
    /// </summary>
    private void LinkSimilarGroups(int[] parent, List<Group> groups, int bigrams, int firstStop)
    {
        var t = Math.Clamp(threshold, 0, 1);
        var index = new List<int>?[bigrams];
        var seenBy = new int[groups.Count];
        Array.Fill(seenBy, -1);
        var candidates = new List<int>();
        foreach (var x in groups.OrderBy(g => g.Tokens.Length).ThenBy(g => g.Id))
        {
            var size = x.Tokens.Length;
            candidates.Clear();
            var probe = size - Math.Max(MinSharedBigrams, (int)Math.Ceiling(t * size / (2 - t) - Slack)) + 1;
            for (var p = 0; p < probe; p++)
            {
                foreach (var y in index[x.Tokens[p]] ?? [])
                {
                    if (seenBy[y] != x.Id)
                    {
                        seenBy[y] = x.Id;
                        candidates.Add(y);
                    }
                }
            }

            Group? best = null;
            var bestDice = -1.0;
            foreach (var candidate in candidates)
            {
                var y = groups[candidate];
                // Problems of one and the same statement are never a common problem by themselves.
                if (x.Statements == 1 && y.Statements == 1 && x.FirstStatement == y.FirstStatement)
                {
                    continue;
                }

                var (shared, sharedNonStop) = Overlap(x.Tokens, y.Tokens, firstStop);
                if (sharedNonStop >= MinSharedBigrams && IsSimilar(shared, x.Tokens.Length, y.Tokens.Length))
                {
                    // The closest wording wins; ties go to the group nearer its centre, then the earlier one.
                    var dice = 2.0 * shared / (x.Tokens.Length + y.Tokens.Length);
                    if (dice > bestDice || (dice == bestDice && (y.Hops < best!.Hops || (y.Hops == best.Hops && y.Id < best.Id))))
                    {
                        best = y;
                        bestDice = dice;
                    }
                }
            }

            if (best is not null)
            {
                JoinMembers(parent, x);
                JoinMembers(parent, best);
                Union(parent, x.Members[0], best.Members[0]);
                x.Hops = best.Hops + 1;
            }

            if (x.Hops < MaxHops)
            {
                var indexed = size - Math.Max(MinSharedBigrams, (int)Math.Ceiling(t * size - Slack)) + 1;
                for (var p = 0; p < indexed; p++)
                {
                    (index[x.Tokens[p]] ??= []).Add(x.Id);
                }
            }
        }
    }

    /// <summary>The Dice rule exactly as <see cref="Shingles.Dice"/> computes it.</summary>
    private bool IsSimilar(int shared, int sizeA, int sizeB) => sizeA + sizeB > 0 && 2.0 * shared / (sizeA + sizeB) >= threshold;

    /// <summary>Shared bigrams, and shared bigrams that are not stop bigrams, of two sorted rank arrays.</summary>
    private static (int Shared, int SharedNonStop) Overlap(int[] a, int[] b, int firstStop)
    {
        int i = 0, j = 0, shared = 0, nonStop = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                nonStop += a[i] < firstStop ? 1 : 0;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (shared, nonStop);
    }

    /// <summary>Connects all problems of a group, once: used when the group links to another one (or spans statements).</summary>
    private static void JoinMembers(int[] parent, Group group)
    {
        if (group.Joined)
        {
            return;
        }

        foreach (var member in group.Members)
        {
            Union(parent, group.Members[0], member);
        }

        group.Joined = true;
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

    /// <summary>Problems with one bigram set.</summary>
    private sealed class Group(int id, int[] tokens, int nonStop, int firstStatement)
    {
        public int Id { get; } = id;

        /// <summary>The bigrams, rarest first.</summary>
        public int[] Tokens { get; } = tokens;

        /// <summary>How many of the bigrams are not stop bigrams.</summary>
        public int NonStop { get; } = nonStop;

        public int FirstStatement { get; } = firstStatement;

        /// <summary>1 while every member is of <see cref="FirstStatement"/>, else 2 (more than one statement).</summary>
        public int Statements { get; set; } = 1;

        public List<int> Members { get; } = [];

        /// <summary>Similarity steps from the centre of its cluster (0: a centre).</summary>
        public int Hops { get; set; }

        /// <summary>Whether the members are connected with each other already.</summary>
        public bool Joined { get; set; }
    }

    /// <summary>Bigram arrays compared by content.</summary>
    private sealed class TokenComparer : IEqualityComparer<int[]>
    {
        public static readonly TokenComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
