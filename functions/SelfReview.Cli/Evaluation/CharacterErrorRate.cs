using System.Text;

namespace SelfReview.Cli.Evaluation;

/// <summary>
/// Character error rate of recognised text against a reference: Levenshtein distance (insertions,
/// deletions, substitutions) divided by the reference length. Both texts are compared after Unicode
/// NFKC normalisation (so a full-width "（" and an ASCII "(" count as the same character, as do "：" and
/// ":") and with all whitespace removed (line breaks and the spaces OCR puts between Chinese characters
/// are layout, not text).
/// </summary>
public static class CharacterErrorRate
{
    public static string Normalize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The rate, 0 for identical texts; can exceed 1 when the hypothesis is much longer.</summary>
    public static double Compute(string reference, string hypothesis)
    {
        var r = Normalize(reference);
        var h = Normalize(hypothesis);
        return r.Length == 0 ? (h.Length == 0 ? 0 : 1) : (double)Distance(r, h) / r.Length;
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
