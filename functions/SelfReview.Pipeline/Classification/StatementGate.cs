using SelfReview.Contracts;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Classification;

/// <summary>
/// Decides whether a parsed document is a self-review statement, and whose: a member's (personal) or a
/// leadership team's (team). Meeting plans, news reports, speeches, writing guides and essays that
/// imitate the skeleton are turned away with a reason.
/// </summary>
public sealed class StatementGate(DomainVocabulary vocabulary)
{
    /// <summary>The verdict: a kind when accepted, else a rejection code and reason.</summary>
    public sealed record Verdict(StatementKind? Kind, string? Code, string? Reason);

    public Verdict Judge(ParsedStatement parsed)
    {
        var title = parsed.Title is null ? string.Empty : vocabulary.ToSimplified(parsed.Title);
        // What the title says it is decides first: a guide on how to write 对照检查材料, or a plan for
        // the meeting, names the genre in its title too.
        foreach (var signal in vocabulary.NonStatementTitles)
        {
            if (signal.Pattern.IsMatch(title))
            {
                return Reject($"标题显示这是{signal.Label}，不是个人检视发言或对照检查材料");
            }
        }

        var statementTitle = vocabulary.StatementTitle.Any(p => p.IsMatch(title));

        var problems = parsed.ItemsOf(SectionKind.Problems).Count();
        var causes = parsed.ItemsOf(SectionKind.Causes).Count();
        var measures = parsed.ItemsOf(SectionKind.Measures).Count();
        var parts = (problems > 0 ? 1 : 0) + (causes > 0 ? 1 : 0) + (measures > 0 ? 1 : 0);
        if (parts == 0 || (problems == 0 && parts < 2))
        {
            return Reject("未找到查摆问题、原因剖析、整改措施等检视内容");
        }

        var text = parsed.MatchText;
        var narration = vocabulary.ThirdPersonNarration.Sum(w => TermCounter.Count(text, w));
        var firstPerson = TermCounter.Count(text, "我") + TermCounter.Count(text, "本人") + TermCounter.Count(text, "自己");
        if (!statementTitle && narration >= 4 && narration * 2 > firstPerson)
        {
            return Reject("材料以第三人称叙述会议或工作安排，不是个人检视发言或对照检查材料");
        }

        var domain = vocabulary.DomainTerms.Count(w => text.Contains(w, StringComparison.Ordinal));
        // Under a statement title a short statement may name few of these terms; without one, a text that
        // names few of them and does not speak for its author is about something else (a sales review
        // that borrows the skeleton).
        var firstPersonSingular = TermCounter.Count(text, "我") - TermCounter.Count(text, "我们") + TermCounter.Count(text, "本人");
        var speaksForSelf = firstPersonSingular >= 5 && domain >= 2;
        if (statementTitle ? domain == 0 : domain < 4 && !speaksForSelf)
        {
            return Reject("材料虽有“问题—原因—措施”的结构，但内容与党员干部检视剖析无关");
        }

        var team = vocabulary.TeamTitle.Any(p => p.IsMatch(title)) && !title.Contains("个人", StringComparison.Ordinal) && !title.Contains("同志", StringComparison.Ordinal)
            || (TermCounter.Count(text, "班子") >= 5 && TermCounter.Count(text, "本人") == 0 && TermCounter.Count(text, "我们") > TermCounter.Count(text, "我") - TermCounter.Count(text, "我们") && !title.Contains("个人", StringComparison.Ordinal));
        return new Verdict(team ? StatementKind.Team : StatementKind.Personal, null, null);
    }

    private static Verdict Reject(string reason) => new(null, "not_a_statement", reason);

}
