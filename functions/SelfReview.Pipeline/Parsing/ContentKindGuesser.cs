using SelfReview.Contracts;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Parsing;

/// <summary>
/// The kind of a group of items that stands under no heading, from its language (issue 11): causes by
/// root-cause language (理想信念, 党性修养, 宗旨意识淡化, 放松了学习 …), measures by forward-looking language
/// (要, 将, 坚持, 建立 …), problems by self-critical language. Each item votes; the cues are in sections.json.
/// </summary>
public sealed class ContentKindGuesser(DomainVocabulary vocabulary)
{
    private static readonly SectionKind[] Kinds = [SectionKind.Problems, SectionKind.Causes, SectionKind.Measures];

    /// <summary>The kind most items vote for; ties go to the earlier kind in the usual order (问题 → 原因 → 措施).</summary>
    public SectionKind Guess(IEnumerable<string> items)
    {
        var votes = new int[Kinds.Length];
        var scores = new double[Kinds.Length];
        foreach (var item in items)
        {
            var match = vocabulary.ToSimplified(item);
            var title = ItemText.TitleOf(match);
            var best = -1;
            var bestScore = 0.0;
            for (var k = 0; k < Kinds.Length; k++)
            {
                var score = Score(vocabulary.ContentCues[Kinds[k]], title, match);
                scores[k] += score;
                if (score > bestScore)
                {
                    (best, bestScore) = (k, score);
                }
            }

            if (best >= 0)
            {
                votes[best]++;
            }
        }

        var winner = 0;
        for (var k = 1; k < Kinds.Length; k++)
        {
            if (votes[k] > votes[winner] || (votes[k] == votes[winner] && scores[k] > scores[winner]))
            {
                winner = k;
            }
        }

        return Kinds[winner];
    }

    private static double Score(IReadOnlyList<Cue> cues, string title, string text)
    {
        var total = 0.0;
        foreach (var cue in cues)
        {
            var n = cue.Scope == CueScope.Title ? cue.Pattern.Count(title) : cue.Pattern.Count(text);
            total += cue.Score(n);
        }

        return total;
    }
}
