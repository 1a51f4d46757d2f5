using SelfReview.Contracts;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Classification;

/// <summary>
/// Files each problem into the canonical taxonomy by its content: weighted lexicon terms in the text
/// (title terms count double), plus a smaller weight for what the author's aspect heading names.
/// The evidence lists the terms that decided it.
/// </summary>
public sealed class CategoryClassifier(DomainVocabulary vocabulary)
{
    private const int MaxCountPerTerm = 3;
    private const int TitleWeight = 3;

    public Category Classify(string title, string text, string? aspect)
    {
        var scores = new double[Enum.GetValues<CategoryCode>().Length];
        var evidence = new List<(CategoryCode Code, string Term, double Weight)>();
        var simplifiedText = vocabulary.ToSimplified(text);
        var simplifiedTitle = vocabulary.ToSimplified(title);
        foreach (var lexicon in vocabulary.CategoryTerms)
        {
            foreach (var term in lexicon.Terms)
            {
                // The title names the problem; the text argues it with examples that mention other things.
                var count = Math.Min(TermCounter.Count(simplifiedText, term.Term), MaxCountPerTerm) + TitleWeight * Math.Min(TermCounter.Count(simplifiedTitle, term.Term), 1);
                if (count > 0)
                {
                    var weight = count * term.Weight;
                    scores[(int)lexicon.Code] += weight;
                    evidence.Add((lexicon.Code, term.Term, weight));
                }
            }
        }

        if (aspect is not null)
        {
            var simplifiedAspect = vocabulary.ToSimplified(aspect);
            foreach (var (word, code) in vocabulary.AspectHints)
            {
                if (simplifiedAspect.Contains(word, StringComparison.Ordinal))
                {
                    scores[(int)code] += vocabulary.AspectWeight;
                    evidence.Add((code, "方面：" + word, vocabulary.AspectWeight));
                }
            }
        }

        var best = CategoryCode.Other;
        var bestScore = 0.0;
        var second = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > bestScore)
            {
                second = bestScore;
                bestScore = scores[i];
                best = (CategoryCode)i;
            }
            else if (scores[i] > second)
            {
                second = scores[i];
            }
        }

        if (bestScore <= 0)
        {
            return new Category(CategoryCode.Other, CategoryLabels.Of(CategoryCode.Other), 0, []);
        }

        // Margin over the runner-up, damped when the evidence is thin.
        var confidence = bestScore / (bestScore + second) * Math.Min(1.0, bestScore / 6.0);
        var terms = evidence.Where(e => e.Code == best).OrderByDescending(e => e.Weight).Select(e => e.Term).Distinct().Take(6).ToList();
        return new Category(best, CategoryLabels.Of(best), Math.Round(confidence, 3), terms);
    }

}
