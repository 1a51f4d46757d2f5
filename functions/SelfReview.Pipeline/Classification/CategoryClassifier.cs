using SelfReview.Contracts;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Classification;

/// <summary>
/// Files each problem into the canonical taxonomy by its content: weighted lexicon terms in the text
/// (title terms count double), plus a smaller weight for what the author's aspect heading names.
/// The evidence lists the terms that decided it.
/// </summary>
public sealed class CategoryClassifier
{
    private const int MaxCountPerTerm = 3;
    private const int TitleWeight = 3;
    private static readonly int Categories = Enum.GetValues<CategoryCode>().Length;

    private readonly DomainVocabulary _vocabulary;

    /// <summary>Every lexicon term in lexicon order (category by category), so scores add up in the order they always did.</summary>
    private readonly (CategoryCode Code, WeightedTerm Term)[] _terms;
    private readonly TermIndex _index;

    public CategoryClassifier(DomainVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _terms = [.. vocabulary.CategoryTerms.SelectMany(l => l.Terms.Select(t => (l.Code, t)))];
        _index = new TermIndex([.. _terms.Select(t => t.Term.Term)]);
    }

    public Category Classify(string title, string text, string? aspect)
    {
        var scores = new double[Categories];
        var evidence = new List<(CategoryCode Code, string Term, double Weight)>();
        var simplifiedText = _vocabulary.ToSimplified(text);
        var simplifiedTitle = _vocabulary.ToSimplified(title);
        // The lexicon is counted in one pass over each text (a few hundred terms: the buffers fit on the stack).
        Span<int> inText = stackalloc int[_index.Count];
        Span<int> inTitle = stackalloc int[_index.Count];
        Span<int> scratch = stackalloc int[_index.Count];
        _index.CountAll(simplifiedText, inText, scratch);
        _index.CountAll(simplifiedTitle, inTitle, scratch);
        for (var k = 0; k < _terms.Length; k++)
        {
            // The title names the problem; the text argues it with examples that mention other things.
            var count = Math.Min(inText[k], MaxCountPerTerm) + TitleWeight * Math.Min(inTitle[k], 1);
            if (count > 0)
            {
                var (code, term) = _terms[k];
                var weight = count * term.Weight;
                scores[(int)code] += weight;
                evidence.Add((code, term.Term, weight));
            }
        }

        if (aspect is not null)
        {
            var simplifiedAspect = _vocabulary.ToSimplified(aspect);
            foreach (var (word, code) in _vocabulary.AspectHints)
            {
                if (simplifiedAspect.Contains(word, StringComparison.Ordinal))
                {
                    scores[(int)code] += _vocabulary.AspectWeight;
                    evidence.Add((code, "方面：" + word, _vocabulary.AspectWeight));
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
