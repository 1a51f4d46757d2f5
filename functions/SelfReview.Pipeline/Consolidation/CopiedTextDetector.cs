using System.Text;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Finds text copied between members' statements: long sentences that stand, normalised, in two or
/// more statements. Hash lookups only, so a whole unit is one pass.
/// </summary>
internal sealed class CopiedTextDetector(int minLength)
{
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '\n'];

    /// <summary>Copied sentences: the sentence, and the indexes of the statements it stands in.</summary>
    public List<(string Sentence, List<int> Statements)> Find(IReadOnlyList<StatementRecord> records)
    {
        var seen = new Dictionary<string, (string Original, List<int> Statements)>(StringComparer.Ordinal);
        for (var s = 0; s < records.Count; s++)
        {
            foreach (var item in records[s].Sections.Where(IsReviewed).SelectMany(x => x.Items))
            {
                foreach (var sentence in item.Text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries))
                {
                    var key = Normalize(sentence);
                    if (key.Length < minLength)
                    {
                        continue;
                    }

                    if (!seen.TryGetValue(key, out var entry))
                    {
                        seen[key] = entry = (sentence.Trim(), []);
                    }

                    if (entry.Statements.Count == 0 || entry.Statements[^1] != s)
                    {
                        entry.Statements.Add(s);
                    }
                }
            }
        }

        return [.. seen.Values.Where(v => v.Statements.Count >= 2).Select(v => (v.Original, v.Statements))];
    }

    /// <summary>
    /// Problem and measure titles written identically by several members: the mark of a template.
    /// Cause titles are left out: they conventionally follow the same headings (理想信念, 党性修养 …).
    /// </summary>
    public static List<(string Title, List<int> Statements)> IdenticalTitles(IReadOnlyList<StatementRecord> records, int minLength = 8)
    {
        var seen = new Dictionary<string, (string Original, List<int> Statements)>(StringComparer.Ordinal);
        for (var s = 0; s < records.Count; s++)
        {
            foreach (var item in records[s].Sections.Where(x => x.Kind is SectionKind.Problems or SectionKind.Measures).SelectMany(x => x.Items))
            {
                var key = Normalize(item.Title);
                if (key.Length < minLength)
                {
                    continue;
                }

                if (!seen.TryGetValue(key, out var entry))
                {
                    seen[key] = entry = (item.Title, []);
                }

                if (entry.Statements.Count == 0 || entry.Statements[^1] != s)
                {
                    entry.Statements.Add(s);
                }
            }
        }

        return [.. seen.Values.Where(v => v.Statements.Count >= 2).Select(v => (v.Original, v.Statements))];
    }

    private static bool IsReviewed(Section section) => section.Kind is SectionKind.Problems or SectionKind.Causes or SectionKind.Measures;

    private static string Normalize(string sentence)
    {
        var sb = new StringBuilder(sentence.Length);
        foreach (var c in sentence)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
