using System.Globalization;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Character-bigram sets of Chinese text (punctuation and spaces dropped): the similarity measure for
/// linking problems to measures, finding common problems and copied text. Bigrams need no word
/// segmentation and are robust to the small rewordings members make when they share a problem.
/// </summary>
public sealed class Shingles
{
    private readonly HashSet<int> _set;

    private Shingles(HashSet<int> set) => _set = set;

    public int Count => _set.Count;

    public IReadOnlySet<int> Set => _set;

    public static Shingles Of(string text)
    {
        var set = new HashSet<int>();
        char previous = '\0';
        foreach (var c in text)
        {
            if (!IsContent(c))
            {
                continue;
            }

            if (previous != '\0')
            {
                set.Add(previous << 16 | c);
            }

            previous = c;
        }

        return new Shingles(set);
    }

    /// <summary>|A∩B| / |A∪B|.</summary>
    public double Jaccard(Shingles other)
    {
        if (_set.Count == 0 || other._set.Count == 0)
        {
            return 0;
        }

        var shared = Intersection(other);
        return (double)shared / (_set.Count + other._set.Count - shared);
    }

    /// <summary>|A∩B| / min(|A|, |B|): high when one text is contained in the other.</summary>
    public double Containment(Shingles other)
    {
        var min = Math.Min(_set.Count, other._set.Count);
        return min == 0 ? 0 : (double)Intersection(other) / min;
    }

    /// <summary>Dice coefficient 2|A∩B| / (|A| + |B|).</summary>
    public double Dice(Shingles other)
    {
        var total = _set.Count + other._set.Count;
        return total == 0 ? 0 : 2.0 * Intersection(other) / total;
    }

    private int Intersection(Shingles other)
    {
        var (small, large) = _set.Count <= other._set.Count ? (_set, other._set) : (other._set, _set);
        var shared = 0;
        foreach (var s in small)
        {
            if (large.Contains(s))
            {
                shared++;
            }
        }

        return shared;
    }

    private static bool IsContent(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.OtherLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.DecimalDigitNumber;
}
