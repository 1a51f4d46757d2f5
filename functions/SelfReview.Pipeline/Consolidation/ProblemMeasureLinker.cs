using SelfReview.Contracts;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Ties each problem of a statement to the measure(s) that answer it: text similarity (character
/// bigrams of title and text) plus a bonus when the measure reads as the same category.
/// </summary>
public sealed class ProblemMeasureLinker
{
    /// <summary>The score a pair needs to be linked.</summary>
    public const double LinkThreshold = 0.16;

    private const double SameCategoryBonus = 0.14;

    /// <summary>Links by problem id → measure ids (best first), and the problems no measure answers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Link(
        IReadOnlyList<StatementItem> problems, IReadOnlyList<StatementItem> measures, Func<StatementItem, CategoryCode> measureCategory)
    {
        var measureShingles = measures.Select(m => (Item: m, Title: Shingles.Of(m.Title), Text: Shingles.Of(m.Text), Category: measureCategory(m))).ToList();
        var links = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var problem in problems)
        {
            var title = Shingles.Of(problem.Title);
            var text = Shingles.Of(problem.Text);
            var scored = measureShingles
                .Select(m => (m.Item.Id, Score: Math.Max(title.Containment(m.Title) * 0.6, text.Dice(m.Text)) + (problem.Category?.Code == m.Category && m.Category != CategoryCode.Other ? SameCategoryBonus : 0)))
                .Where(s => s.Score >= LinkThreshold)
                .OrderByDescending(s => s.Score)
                .ToList();
            if (scored.Count > 0)
            {
                // Keep the best and any close second: one problem may be answered by two measures.
                var best = scored[0].Score;
                links[problem.Id] = [.. scored.Where(s => s.Score >= best * 0.85).Take(2).Select(s => s.Id)];
            }
            else
            {
                links[problem.Id] = [];
            }
        }

        return links;
    }
}
