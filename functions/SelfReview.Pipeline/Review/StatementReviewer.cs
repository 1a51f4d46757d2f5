using System.Text.RegularExpressions;
using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Pipeline.Review;

/// <summary>
/// The material review (材料审核) of one statement: missing sections, causes that restate problems,
/// vague measures, problems no measure answers. Flags across members (copied text) are the
/// consolidator's.
/// </summary>
public sealed partial class StatementReviewer
{
    private const double RestateThreshold = 0.55;

    public IReadOnlyList<QualityFlag> Review(IReadOnlyList<Section> sections, IReadOnlyDictionary<string, IReadOnlyList<string>> links)
    {
        var flags = new List<QualityFlag>();
        var problems = Items(sections, SectionKind.Problems);
        var causes = Items(sections, SectionKind.Causes);
        var measures = Items(sections, SectionKind.Measures);

        var missing = new List<string>();
        if (problems.Count == 0)
        {
            missing.Add("查摆问题");
        }

        if (causes.Count == 0)
        {
            missing.Add("原因剖析");
        }

        if (measures.Count == 0)
        {
            missing.Add("整改措施");
        }

        if (missing.Count > 0)
        {
            flags.Add(new QualityFlag
            {
                Code = "missing_section",
                Severity = FlagSeverity.Error,
                Message = "材料缺少" + string.Join("、", missing) + "部分。",
                Evidence = missing,
            });
        }

        var problemShingles = problems.Select(p => (p.Id, Shingles: Shingles.Of(p.Text))).ToList();
        var restating = new List<StatementItem>();
        foreach (var cause in causes)
        {
            var shingles = Shingles.Of(cause.Text);
            if (problemShingles.Any(p => p.Shingles.Jaccard(shingles) >= RestateThreshold))
            {
                restating.Add(cause);
            }
        }

        if (restating.Count > 0)
        {
            flags.Add(new QualityFlag
            {
                Code = "cause_restates_problem",
                Message = $"有 {restating.Count} 条原因剖析与所查摆的问题表述基本相同，属于“问题当原因”，请从思想根源上剖析。",
                ItemIds = [.. restating.Select(c => c.Id)],
                Evidence = [.. restating.Select(c => c.Title)],
            });
        }

        // 大而化之 has two faces a member fixes differently: no action to check, and no time to finish by.
        var vague = measures.Where(m => !ConcreteAction().IsMatch(m.Text)).ToList();
        if (vague.Count > 0)
        {
            flags.Add(new QualityFlag
            {
                Code = "vague_measure",
                Message = $"有 {vague.Count} 条整改措施只有表态、没有具体举措，过于笼统（大而化之），请写明做什么、做到什么程度。",
                ItemIds = [.. vague.Select(m => m.Id)],
                Evidence = [.. vague.Select(m => m.Title)],
            });
        }

        var undated = measures.Where(m => m.Deadline is null).ToList();
        if (undated.Count > 0)
        {
            flags.Add(new QualityFlag
            {
                Code = "measure_without_deadline",
                Severity = FlagSeverity.Info,
                Message = $"有 {undated.Count} 条整改措施没有完成时限，清单中将按单位统一时限列出，请补充具体时间（如“2025年6月底前”“立行立改”“长期坚持”）。",
                ItemIds = [.. undated.Select(m => m.Id)],
                Evidence = [.. undated.Select(m => m.Title)],
            });
        }

        var unanswered = problems.Where(p => !links.TryGetValue(p.Id, out var l) || l.Count == 0).ToList();
        if (unanswered.Count > 0 && measures.Count > 0)
        {
            flags.Add(new QualityFlag
            {
                Code = "problem_without_measure",
                Message = $"有 {unanswered.Count} 个问题没有对应的整改措施，请逐一对应提出措施。",
                ItemIds = [.. unanswered.Select(p => p.Id)],
                Evidence = [.. unanswered.Select(ItemTitles.Of)],
            });
        }

        return flags;
    }

    private static List<StatementItem> Items(IReadOnlyList<Section> sections, SectionKind kind) =>
        [.. sections.Where(s => s.Kind == kind).SelectMany(s => s.Items)];

    /// <summary>A concrete, checkable action: a number, a frequency, a thing to produce or do (deadlines are the other flag).</summary>
    [GeneratedRegex(@"\d|[一二三四五六七八九十两]\s*(次|篇|本|项|个|份|条|场|期|天|周|月)|每(月|周|季|年|半年)|制定|建立|出台|修订|(完善|制定|修订).{0,10}(制度|机制|清单|台账|办法|规定|方案|细则)|开展.{0,8}(调研|专项|活动|培训)|召开|清单|台账|走访|约谈|督查|讲党课|谈心谈话|撰写|调研报告")]
    private static partial Regex ConcreteAction();
}
