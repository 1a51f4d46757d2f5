using System.Collections.Frozen;

namespace SelfReview.Pipeline.Vocabulary;

/// <summary>
/// Counts a whole lexicon in one pass over a text, instead of one <see cref="TermCounter"/> scan per
/// term: terms are indexed by their first character, and each term's occurrences are counted the way
/// <see cref="TermCounter.Count"/> counts them (ordinal, non-overlapping, left to right), so the counts
/// are the same.
/// </summary>
public sealed class TermIndex
{
    private readonly string[] _terms;
    private readonly FrozenDictionary<char, int[]> _byFirstChar;

    public TermIndex(IReadOnlyList<string> terms)
    {
        _terms = [.. terms];
        _byFirstChar = Enumerable.Range(0, _terms.Length)
            .Where(i => _terms[i].Length > 0)
            .GroupBy(i => _terms[i][0])
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>How many terms the index holds; counts are indexed like the list it was built from.</summary>
    public int Count => _terms.Length;

    /// <summary>Sets <paramref name="counts"/>[i] to the occurrences of term i in <paramref name="text"/>.</summary>
    /// <param name="text">The text to count in.</param>
    /// <param name="counts">One slot per term, overwritten.</param>
    /// <param name="scratch">One slot per term, for where each term may next start (overwritten).</param>
    public void CountAll(string text, Span<int> counts, Span<int> scratch)
    {
        counts[.._terms.Length].Clear();
        scratch[.._terms.Length].Clear();
        for (var at = 0; at < text.Length; at++)
        {
            if (!_byFirstChar.TryGetValue(text[at], out var candidates))
            {
                continue;
            }

            var rest = text.AsSpan(at);
            foreach (var t in candidates)
            {
                // A term counts again only after its previous occurrence ends (TermCounter resumes the search there).
                if (at >= scratch[t] && rest.StartsWith(_terms[t], StringComparison.Ordinal))
                {
                    counts[t]++;
                    scratch[t] = at + _terms[t].Length;
                }
            }
        }
    }
}
