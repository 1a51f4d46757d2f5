using SelfReview.Contracts;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Classification;

/// <summary>Recognises the year's framework from the title and preamble words and the aspect headings.</summary>
public sealed class FrameworkDetector(DomainVocabulary vocabulary)
{
    public FrameworkRef? Detect(string? title, string? preamble, IEnumerable<string> aspects)
    {
        var lead = vocabulary.ToSimplified((title ?? string.Empty) + "\n" + (preamble ?? string.Empty));
        var aspectText = vocabulary.ToSimplified(string.Join('\n', aspects));
        FrameworkDefinition? best = null;
        var bestScore = 0.0;
        foreach (var framework in vocabulary.Frameworks)
        {
            var score = framework.TitleWords.Count(w => lead.Contains(w, StringComparison.Ordinal)) * 2.0
                + framework.Aspects.Count(a => aspectText.Contains(a, StringComparison.Ordinal));
            if (score > bestScore)
            {
                best = framework;
                bestScore = score;
            }
        }

        return best is not null && bestScore >= 2 ? new FrameworkRef(best.Id, best.Name) : null;
    }
}
