using System.Globalization;
using System.Text;
using SelfReview.Contracts;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Cli.Evaluation;

/// <summary>
/// Scores records against gold exactly as shared/eval-format.md says: NFKC, whitespace, punctuation
/// and symbols removed; a gold item matches a predicted item of the same kind when its first_chars,
/// enumerator removed, cut to 8 characters, occurs within the first 48 normalised characters of the
/// predicted label + aspect + text, or of its text; each predicted item matches at most one gold item.
/// </summary>
public sealed class Scorer(EnumeratorRecognizer enumerators)
{
    private const int KeyLength = 8;
    private const int Window = 48;

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || category == UnicodeCategory.Control)
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The 8-character key of a gold item: first_chars without its leading enumerator, normalised.</summary>
    public string KeyOf(GoldItem gold)
    {
        var text = gold.FirstChars.TrimStart();
        var e = enumerators.Match(DomainVocabulary.Default.ToSimplified(text));
        if (e is not null)
        {
            text = text[e.Length..];
        }

        var key = Normalize(text);
        return key.Length <= KeyLength ? key : key[..KeyLength];
    }

    /// <summary>Pairs gold items with predicted items of one kind. Returns (gold index, predicted index) pairs.</summary>
    public List<(int Gold, int Predicted)> Match(IReadOnlyList<GoldItem> gold, IReadOnlyList<StatementItem> predicted, int allowedEdits = 0)
    {
        var windows = predicted.Select(p => (
            Full: Head(Normalize((p.Label ?? string.Empty) + (p.Aspect ?? string.Empty) + p.Text)),
            Text: Head(Normalize(p.Text)))).ToList();
        var used = new bool[predicted.Count];
        var pairs = new List<(int, int)>();
        for (var g = 0; g < gold.Count; g++)
        {
            var key = KeyOf(gold[g]);
            if (key.Length == 0)
            {
                continue;
            }

            for (var p = 0; p < predicted.Count; p++)
            {
                if (!used[p] && (Contains(windows[p].Full, key, allowedEdits) || Contains(windows[p].Text, key, allowedEdits)))
                {
                    used[p] = true;
                    pairs.Add((g, p));
                    break;
                }
            }
        }

        return pairs;
    }

    private static string Head(string text) => text.Length <= Window ? text : text[..Window];

    /// <summary>Whether <paramref name="key"/> occurs in <paramref name="window"/> with at most <paramref name="edits"/> substitutions, insertions or deletions.</summary>
    private static bool Contains(string window, string key, int edits)
    {
        if (edits == 0)
        {
            return window.Contains(key, StringComparison.Ordinal);
        }

        // Approximate substring match (Sellers' algorithm): the best edit distance of key to any substring of window.
        var previous = new int[key.Length + 1];
        var current = new int[key.Length + 1];
        for (var i = 0; i <= key.Length; i++)
        {
            previous[i] = i;
        }

        foreach (var c in window)
        {
            current[0] = 0;
            for (var i = 1; i <= key.Length; i++)
            {
                var cost = key[i - 1] == c ? 0 : 1;
                current[i] = Math.Min(Math.Min(current[i - 1] + 1, previous[i] + 1), previous[i - 1] + cost);
            }

            if (current[key.Length] <= edits)
            {
                return true;
            }

            (previous, current) = (current, previous);
        }

        return previous[key.Length] <= edits;
    }
}
