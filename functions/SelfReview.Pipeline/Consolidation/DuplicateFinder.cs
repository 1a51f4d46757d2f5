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
/// text PDF over plain text over OCR). Candidates come from MinHash signatures (64 values in 16
/// bands of 4): statements whose signatures agree on a whole band are compared, which finds a pair at the
/// threshold with probability 0.994 (0.9999 at 0.8) while members who only share some sentences rarely
/// meet. The earlier bottom-k sketch put every statement with a common bigram among its smallest hashes
/// into one bucket and compared a 1,000-member unit nearly pair by pair (14 s).
/// </summary>
public static partial class DuplicateFinder
{
    /// <summary>Two statements at or above this Jaccard similarity of their bigrams are the same text.</summary>
    public const double SameTextJaccard = 0.72;

    /// <summary>MinHash values per statement: <see cref="Bands"/> bands of <see cref="Rows"/>.</summary>
    private const int Bands = 16;

    private const int Rows = 4;

    /// <summary>
    /// A pair is counted exactly only when its signatures agree on this share of their values: the estimate
    /// of 64 values errs by about 0.06, so a pair at the threshold passes with room to spare.
    /// </summary>
    private const double EstimateFloor = SameTextJaccard - 0.2;

    /// <summary>For each superseded record (by index), the index of the record that replaces it.</summary>
    public static IReadOnlyDictionary<int, int> Find(IReadOnlyList<StatementRecord> records, Func<StatementRecord, string?> author)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(author);
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        void Join(int a, int b) => parent[Root(a)] = Root(b);

        var shingles = records.Select(r => Shingles.Of(string.Concat(r.Sections.SelectMany(s => s.Items).Select(i => i.Text)))).ToList();
        var signatures = shingles.Select(Signature).ToList();
        var compared = new HashSet<(int, int)>();
        var bucket = new Dictionary<ulong, List<int>>();
        for (var band = 0; band < Bands; band++)
        {
            bucket.Clear();
            for (var i = 0; i < records.Count; i++)
            {
                if (shingles[i].Count == 0)
                {
                    continue;
                }

                var key = BandKey(signatures[i], band);
                if (!bucket.TryGetValue(key, out var members))
                {
                    bucket[key] = members = [];
                }

                members.Add(i);
            }

            foreach (var members in bucket.Values.Where(b => b.Count > 1))
            {
                for (var x = 0; x < members.Count; x++)
                {
                    for (var y = x + 1; y < members.Count; y++)
                    {
                        var (a, b) = (members[x], members[y]);
                        // Pairs already joined (copies of one text) need no comparison; the signature's estimate
                        // of the similarity rules out the rest cheaply before the exact count.
                        if (Root(a) != Root(b) && compared.Add((a, b))
                            && Estimate(signatures[a], signatures[b]) >= EstimateFloor
                            && shingles[a].Jaccard(shingles[b]) >= SameTextJaccard)
                        {
                            Join(a, b);
                        }
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

    /// <summary>The statement's MinHash signature: for each of the 64 hash functions, the least hash of its bigrams.</summary>
    private static uint[] Signature(Shingles shingles)
    {
        var signature = new uint[Bands * Rows];
        Array.Fill(signature, uint.MaxValue);
        foreach (var bigram in shingles.Set)
        {
            var h = (uint)Mix(bigram);
            for (var k = 0; k < signature.Length; k++)
            {
                // A family of hash functions from one mixed value: XOR with a distinct multiple of the golden ratio, then re-mix.
                var v = (uint)Mix((int)(h ^ (uint)(k * 0x9E3779B1)));
                if (v < signature[k])
                {
                    signature[k] = v;
                }
            }
        }

        return signature;
    }

    private static ulong BandKey(uint[] signature, int band)
    {
        var key = 1469598103934665603UL;
        for (var r = 0; r < Rows; r++)
        {
            key = (key ^ signature[(band * Rows) + r]) * 1099511628211UL;
        }

        return key;
    }

    /// <summary>The share of hash functions whose least values agree: an unbiased estimate of the Jaccard similarity.</summary>
    private static double Estimate(uint[] a, uint[] b)
    {
        var same = 0;
        for (var k = 0; k < a.Length; k++)
        {
            same += a[k] == b[k] ? 1 : 0;
        }

        return (double)same / a.Length;
    }

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
