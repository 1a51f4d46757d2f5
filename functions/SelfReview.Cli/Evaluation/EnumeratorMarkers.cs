using System.Text.RegularExpressions;

namespace SelfReview.Cli.Evaluation;

/// <summary>
/// The enumerators a statement's items open with (一是, （一）, 一、, 1.), counted in a text after the
/// same NFKC normalisation as <see cref="CharacterErrorRate"/>: the item parser splits on exactly these,
/// so a misread marker (二是 read as 一是, （ as 《) costs an item whatever the error rate says.
/// </summary>
public static partial class EnumeratorMarkers
{
    /// <summary>How many of the reference's markers the hypothesis has too (each marker text counted as often as it occurs in both).</summary>
    public static (int Kept, int Total) Compare(string reference, string hypothesis)
    {
        var expected = Count(reference);
        var found = Count(hypothesis);
        var kept = expected.Sum(e => Math.Min(e.Value, found.GetValueOrDefault(e.Key)));
        return (kept, expected.Values.Sum());
    }

    public static Dictionary<string, int> Count(string text) =>
        Marker().Matches(CharacterErrorRate.Normalize(text))
            .GroupBy(m => m.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    // 一是 … 十是 (not 就是/总是: the numeral must not follow another ideograph that makes a word with 是),
    // (一) … (十) after NFKC, 一、 … 十、, and 1. 1、 up to two digits not inside a number or a date.
    [GeneratedRegex(@"(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,2}是|\([一二三四五六七八九十]{1,2}\)|(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,2}、|(?<![\d.])\d{1,2}[.、](?!\d)")]
    private static partial Regex Marker();
}
