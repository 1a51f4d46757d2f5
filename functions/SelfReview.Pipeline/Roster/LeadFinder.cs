using SelfReview.Contracts;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Roster;

/// <summary>
/// 牵头领导 of a common problem: the roster person whose 分管领域 covers the problem's category, scored
/// with the category lexicon the classifier uses (the category's label counts as its strongest term).
/// Null when nobody's areas name the category, or two people tie: the office fills it in by hand.
/// </summary>
public sealed class LeadFinder(DomainVocabulary vocabulary, UnitRoster? roster)
{
    private readonly Dictionary<CategoryCode, string?> _leads = [];

    public string? LeadOf(CategoryCode category)
    {
        if (_leads.TryGetValue(category, out var cached))
        {
            return cached;
        }

        var terms = vocabulary.CategoryTerms.Where(c => c.Code == category).SelectMany(c => c.Terms).ToList();
        var label = CategoryLabels.Of(category);
        var scored = (roster?.People ?? [])
            .Where(p => !string.IsNullOrWhiteSpace(p.Areas))
            .Select(p =>
            {
                var areas = vocabulary.ToSimplified(p.Areas!);
                var score = terms.Where(t => areas.Contains(t.Term, StringComparison.Ordinal)).Sum(t => t.Weight)
                    + (areas.Contains(label, StringComparison.Ordinal) ? 10 : 0);
                return (Person: p, Score: score);
            })
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .Take(2)
            .ToList();
        var lead = scored.Count == 0 || (scored.Count == 2 && scored[0].Score == scored[1].Score) ? null : scored[0].Person.Name;
        _leads[category] = lead;
        return lead;
    }
}
