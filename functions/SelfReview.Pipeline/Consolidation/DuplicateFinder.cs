using System.Text.RegularExpressions;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Finds uploads that repeat another statement of the unit, so a member counts once:
/// <list type="bullet">
/// <item>the same text in another format or another copy (docx, txt, PDF, a scan with OCR noise): the
/// character-bigram sets of the two statements' items overlap by <see cref="SameTextJaccard"/> or more;</item>
/// <item>another version of the same member's statement: the same named author.</item>
/// </list>
/// Of each group the latest version is kept; for copies of one text the best-read copy (Word over a
/// text PDF over plain text over OCR). Candidates come from a bottom-k sketch of each statement's
/// bigrams (statements sharing none of their smallest hashes cannot reach the threshold in practice),
/// so a large unit is not compared pair by pair.
/// </summary>
public static partial class DuplicateFinder
{
    /// <summary>Two statements at or above this Jaccard similarity of their bigrams are the same text.</summary>
    public const double SameTextJaccard = 0.72;

    private const int SketchSize = 24;

    /// <summary>For each superseded record (by index), the index of the record that replaces it.</summary>
    public static IReadOnlyDictionary<int, int> Find(IReadOnlyList<StatementRecord> records, Func<StatementRecord, string?> author)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(author);
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        void Join(int a, int b) => parent[Root(a)] = Root(b);

        var shingles = records.Select(r => Shingles.Of(string.Concat(r.Sections.SelectMany(s => s.Items).Select(i => i.Text)))).ToList();
        var buckets = new Dictionary<int, List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var hash in shingles[i].Set.Select(Mix).Order().Take(SketchSize))
            {
                if (!buckets.TryGetValue(hash, out var bucket))
                {
                    buckets[hash] = bucket = [];
                }

                bucket.Add(i);
            }
        }

        var compared = new HashSet<(int, int)>();
        foreach (var bucket in buckets.Values.Where(b => b.Count > 1))
        {
            for (var x = 0; x < bucket.Count; x++)
            {
                for (var y = x + 1; y < bucket.Count; y++)
                {
                    var (a, b) = (bucket[x], bucket[y]);
                    if (compared.Add((a, b)) && shingles[a].Count > 0 && shingles[a].Jaccard(shingles[b]) >= SameTextJaccard)
                    {
                        Join(a, b);
                    }
                }
            }
        }

        foreach (var group in Enumerable.Range(0, records.Count).Where(i => author(records[i]) is not null).GroupBy(i => author(records[i])!, StringComparer.Ordinal))
        {
            foreach (var i in group.Skip(1))
            {
                Join(i, group.First());
            }
        }

        var superseded = new Dictionary<int, int>();
        foreach (var group in Enumerable.Range(0, records.Count).GroupBy(Root).Where(g => g.Count() > 1))
        {
            var kept = group.OrderByDescending(i => VersionRank(records[i].Source.FileName))
                .ThenBy(i => OriginRank(records[i].Source.TextOrigin))
                .ThenByDescending(i => records[i].Source.FileName, StringComparer.Ordinal)
                .First();
            foreach (var i in group.Where(i => i != kept))
            {
                superseded[i] = kept;
            }
        }

        return superseded;
    }

    /// <summary>
    /// How late a version a file name says it is: 终稿/定稿 last, then 修改/修订稿, then a higher number
    /// (v2, 第3稿, (2)); a plain name is the first version. Records carry no upload time, so the name is
    /// the evidence there is.
    /// </summary>
    internal static double VersionRank(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var rank = name.Contains("终稿", StringComparison.Ordinal) || name.Contains("定稿", StringComparison.Ordinal) ? 3.0
            : name.Contains("修改", StringComparison.Ordinal) || name.Contains("修订", StringComparison.Ordinal) ? 2.0
            : 0.0;
        if (VersionNumber().Match(name) is { Success: true } number)
        {
            rank += 1 + (int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 1000.0);
        }

        return rank;
    }

    private static int OriginRank(TextOrigin origin) => origin switch
    {
        TextOrigin.Docx => 0,
        TextOrigin.PdfTextLayer => 1,
        TextOrigin.PlainText => 2,
        TextOrigin.Mixed => 3,
        _ => 4,
    };

    /// <summary>Spreads the bigram codes so the smallest hashes are a random sample of them.</summary>
    private static int Mix(int value)
    {
        var x = (uint)value;
        x ^= x >> 16;
        x *= 0x7feb352d;
        x ^= x >> 15;
        x *= 0x846ca68b;
        x ^= x >> 16;
        return (int)x;
    }

    [GeneratedRegex(@"(?:[vV]|第|[（(]|-|_)(\d{1,3})(?:稿|[）)])?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionNumber();
}
