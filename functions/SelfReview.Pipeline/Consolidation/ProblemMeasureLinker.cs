using SelfReview.Contracts;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Ties each problem of a statement to the measure(s) that answer it: text similarity (character
/// bigrams of title and text) plus a bonus when the measure reads as the same category.
/// </summary>
/// <remarks>
/// Scoring every pair grows with the square of the items: 10,000 problems and 10,000 measures took 88 s.
/// Measures are found through an inverted index from bigram to measures instead, and only those that
/// share a bigram with the problem are scored (a pair sharing none scores at most the category bonus,
/// which is under the threshold). A bigram standing in more than <see cref="MaxPosting"/> measures says
/// nothing about which measure answers a problem and is not followed, and at most
/// <see cref="MaxCandidates"/> measures with the most shared bigrams are scored per problem, so the work
/// per problem is bounded. A statement's few dozen measures are under both caps: the result is the
/// same as scoring every pair.
/// </remarks>
public sealed class ProblemMeasureLinker
{
    /// <summary>The score a pair needs to be linked.</summary>
    public const double LinkThreshold = 0.16;

    /// <summary>Measures a bigram may stand in and still be followed through the index.</summary>
    internal const int MaxPosting = 64;

    /// <summary>Measures scored per problem, those sharing the most bigrams with it.</summary>
    internal const int MaxCandidates = 64;

    private const double SameCategoryBonus = 0.14;

    /// <summary>Links by problem id → measure ids (best first), and the problems no measure answers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Link(
        IReadOnlyList<StatementItem> problems,
        IReadOnlyList<StatementItem> measures,
        Func<StatementItem, CategoryCode> measureCategory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(measureCategory);
        var measureShingles = measures.Select(m => (Item: m, Title: Shingles.Of(m.Title), Text: Shingles.Of(m.Text), Category: measureCategory(m))).ToList();
        var index = new Dictionary<int, List<int>>();
        for (var m = 0; m < measureShingles.Count; m++)
        {
            foreach (var bigram in measureShingles[m].Title.Set.Concat(measureShingles[m].Text.Set).Distinct())
            {
                (index.TryGetValue(bigram, out var posting) ? posting : index[bigram] = []).Add(m);
            }
        }

        var shared = new int[measureShingles.Count];
        var touched = new List<int>();
        var links = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var problem in problems)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var title = Shingles.Of(problem.Title);
            var text = Shingles.Of(problem.Text);
            foreach (var bigram in title.Set.Concat(text.Set).Distinct())
            {
                if (index.TryGetValue(bigram, out var posting) && posting.Count <= MaxPosting)
                {
                    foreach (var m in posting)
                    {
                        if (shared[m]++ == 0)
                        {
                            touched.Add(m);
                        }
                    }
                }
            }

            // Scored in measure order, so that equal scores keep it (OrderByDescending is stable).
            var candidates = touched.Count <= MaxCandidates
                ? touched.Order()
                : touched.OrderByDescending(m => shared[m]).ThenBy(m => m).Take(MaxCandidates).Order();
            var scored = candidates
                .Select(m => measureShingles[m])
                .Select(m => (m.Item.Id, Score: Math.Max(title.Containment(m.Title) * 0.6, text.Dice(m.Text)) + (problem.Category?.Code == m.Category && m.Category != CategoryCode.Other ? SameCategoryBonus : 0)))
                .Where(s => s.Score >= LinkThreshold)
                .OrderByDescending(s => s.Score)
                .ToList();
            foreach (var m in touched)
            {
                shared[m] = 0;
            }

            touched.Clear();
            if (scored.Count > 0)
            {
                // Keep the best and any close second: one problem may be answered by two measures.
                var best = scored[0].Score;
                links[problem.Id] = [.. scored.Where(s => s.Score >= best * 0.85).Take(2).Select(s => s.Id)];
            }
            else
            {
                links[problem.Id] = [];
            }
        }

        return links;
    }
}
