using System.Globalization;
using System.Text;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Summaries;

/// <summary>The extractive per-statement summary: counts per section and category, and the item titles.</summary>
public sealed class StatementSummarizer
{
    public StatementSummary Summarize(IReadOnlyList<Section> sections)
    {
        var problems = sections.Where(s => s.Kind == SectionKind.Problems).SelectMany(s => s.Items).ToList();
        var causes = sections.Where(s => s.Kind == SectionKind.Causes).SelectMany(s => s.Items).ToList();
        var measures = sections.Where(s => s.Kind == SectionKind.Measures).SelectMany(s => s.Items).ToList();
        var byCategory = problems
            .GroupBy(p => p.Category?.Code ?? CategoryCode.Other)
            .OrderBy(g => g.Key)
            .ToDictionary(g => CategoryLabels.CodeOf(g.Key), g => g.Count());

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"查摆问题 {problems.Count} 个");
        if (problems.Count > 0)
        {
            text.Append('（')
                .Append(string.Join("，", problems.GroupBy(p => p.Category?.Code ?? CategoryCode.Other).OrderBy(g => g.Key)
                    .Select(g => $"{CategoryLabels.Of(g.Key)} {g.Count()} 个")))
                .Append('）');
        }

        text.Append(CultureInfo.InvariantCulture, $"，剖析原因 {causes.Count} 条，提出整改措施 {measures.Count} 项");
        var dated = measures.Count(m => m.Deadline is not null);
        if (measures.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"（其中 {dated} 项明确了时限）");
        }

        text.Append('。');
        if (problems.Count > 0)
        {
            text.Append("主要问题：").Append(string.Join("；", problems.Select(p => p.Title))).Append('。');
        }

        if (measures.Count > 0)
        {
            text.Append("整改方向：").Append(string.Join("；", measures.Select(m => m.Title))).Append('。');
        }

        return new StatementSummary
        {
            Problems = problems.Count,
            Causes = causes.Count,
            Measures = measures.Count,
            ProblemsByCategory = byCategory,
            ProblemTitles = [.. problems.Select(p => p.Title)],
            CauseTitles = [.. causes.Select(c => c.Title)],
            MeasureTitles = [.. measures.Select(m => m.Title)],
            Text = text.ToString(),
        };
    }
}
