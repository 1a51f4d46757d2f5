using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Pipeline.Roster;

/// <summary>
/// 回头看: for each row of this year's list, the most similar row of last year's list of the unit, when the
/// two problems are alike enough (character bigrams, <see cref="Shingles"/>, as common problems are found).
/// Candidates come from an inverted index of last year's bigrams, so a row is compared only with the
/// rows it shares words with, and last year's list is capped at <see cref="MaxPriorRows"/>: never a
/// quadratic scan over unbounded input.
/// </summary>
public sealed class PriorListingFinder
{
    public const int MaxPriorRows = 5000;

    /// <summary>A candidate must share at least this many bigrams with the row.</summary>
    private const int MinShared = 3;

    private readonly List<(PriorRow Row, Shingles Title, Shingles Text)> _prior;
    private readonly Dictionary<int, List<int>> _index = [];
    private readonly double _threshold;
    private readonly string _source;

    public PriorListingFinder(IEnumerable<PriorRow> prior, double threshold, string source)
    {
        ArgumentNullException.ThrowIfNull(prior);
        _threshold = threshold;
        _source = source;
        _prior = [.. prior.Take(MaxPriorRows).Select(p => (p, Shingles.Of(TitleOf(p.Problem)), Shingles.Of(p.Problem)))];
        for (var i = 0; i < _prior.Count; i++)
        {
            foreach (var bigram in _prior[i].Title.Set)
            {
                if (!_index.TryGetValue(bigram, out var rows))
                {
                    _index[bigram] = rows = [];
                }

                rows.Add(i);
            }
        }
    }

    /// <summary>Last year's row most like <paramref name="problemTitle"/> (and the problem's text), or null.</summary>
    public PriorListing? Find(string problemTitle, string problemText)
    {
        ArgumentNullException.ThrowIfNull(problemTitle);
        var title = Shingles.Of(problemTitle);
        var shared = new Dictionary<int, int>();
        foreach (var bigram in title.Set)
        {
            foreach (var i in _index.GetValueOrDefault(bigram) ?? [])
            {
                shared[i] = shared.GetValueOrDefault(i) + 1;
            }
        }

        var text = Shingles.Of(problemText ?? problemTitle);
        var best = shared.Where(s => s.Value >= MinShared)
            .Select(s => (Index: s.Key, Score: Math.Max(title.Dice(_prior[s.Key].Title), 0.8 * text.Dice(_prior[s.Key].Text))))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Index)
            .FirstOrDefault(s => s.Score >= _threshold);
        return best.Score >= _threshold && best.Score > 0
            ? new PriorListing { Row = _prior[best.Index].Row, Source = _source, Similarity = Math.Round(best.Score, 3) }
            : null;
    }

    /// <summary>A problem's title: its first clause (last year's list cell holds title and text together).</summary>
    public static string TitleOf(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var end = problem.IndexOfAny(['。', '；', '：', '\n']);
        return end > 0 ? problem[..end] : problem;
    }
}
