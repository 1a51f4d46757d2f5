using SelfReview.Contracts;

namespace SelfReview.Tests.Parsing;

/// <summary>The traps of domain.md, each in a small statement written for the test.</summary>
public sealed class StatementParserTests
{
    private static async Task<StatementRecord> ParseAsync(string text)
    {
        var record = await Engine.ProcessAsync(System.Text.Encoding.UTF8.GetBytes(text), "t.txt");
        Assert.True(record.Status == RecordStatus.Accepted, record.Rejection?.Message);
        return record;
    }

    private const string Causes = "二、原因剖析\n一是理想信念有所松懈，对党性修养的要求放松了。\n三、整改措施\n一是加强理论学习，每月至少精读一本理论著作。\n";

    [Fact]
    public async Task Parse_SplitsRunOnItems_WhenOneParagraphHoldsSeveral()
    {
        var record = await ParseAsync("个人对照检查材料\n一、存在的问题\n（一）工作作风方面。一是调研不够深入，到基层次数偏少。二是会议偏多，文件偏长。三是督办不够有力。\n" + Causes);

        var problems = record.Items(SectionKind.Problems);
        Assert.Equal(["一是", "二是", "三是"], problems.Select(p => p.Label));
        Assert.All(problems, p => Assert.Equal("工作作风方面", p.Aspect));
        Assert.Equal("会议偏多，文件偏长。", problems[1].Text);
    }

    [Fact]
    public async Task Parse_KeepsRhetoricalEnumerationsInsideTheirItem()
    {
        var record = await ParseAsync("个人对照检查材料\n一、存在的问题\n1.担当精神不足。遇到难题一怕担责任，二怕惹麻烦，三怕出差错，推进不力。\n2.调研不深入。\n二、原因剖析\n一是党性修养有所放松，一方面是学习不够，另一方面是锤炼不够。\n三、整改措施\n一是加强党性锻炼。\n");

        Assert.Equal(2, record.Items(SectionKind.Problems).Count);
        Assert.Contains("二怕惹麻烦", record.Items(SectionKind.Problems)[0].Text, StringComparison.Ordinal);
        Assert.Single(record.Items(SectionKind.Causes));
    }

    [Fact]
    public async Task Parse_TakesAnAspectWithoutItems_AsOneItem()
    {
        var record = await ParseAsync("检视发言材料\n一、查摆的问题\n（一）理论学习方面\n学习不够系统，满足于读文件。\n（二）廉洁自律方面\n1.公务接待把关不严。\n2.家风建设抓得不紧。\n" + Causes);

        var problems = record.Items(SectionKind.Problems);
        Assert.Equal([("理论学习方面", "理论学习方面"), ("廉洁自律方面", "公务接待把关不严"), ("廉洁自律方面", "家风建设抓得不紧")], problems.Select(p => (p.Aspect!, p.Title)));
        Assert.Equal("学习不够系统，满足于读文件。", problems[0].Text);
        Assert.Equal("（一）", problems[0].Label);
    }

    [Fact]
    public async Task Parse_StartsCauses_AtAnUnheadedCauseParagraph()
    {
        var record = await ParseAsync("对照检查材料\n一、存在的问题\n一是学习不深。\n二是作风不实。\n产生以上问题的原因，主要是对自己要求不严，理想信念的“总开关”拧得不够紧，放松了党性锻炼。\n二、整改措施\n一是深化学习，年底前完成读书计划。\n");

        var cause = Assert.Single(record.Items(SectionKind.Causes));
        Assert.StartsWith("产生以上问题的原因", cause.Text, StringComparison.Ordinal);
        Assert.Null(record.Sections.Single(s => s.Kind == SectionKind.Causes).Heading);
        Assert.Equal(2, record.Items(SectionKind.Problems).Count);
    }

    [Fact]
    public async Task Parse_NeverTakesLastYearsRectification_AsThisYearsMeasures()
    {
        var record = await ParseAsync("民主生活会对照检查材料\n一、上年度民主生活会整改落实情况\n1.加强理论学习的措施已落实，全年参加中心组学习12次。\n2.改进调研的措施正在推进。\n二、存在的问题\n1.学习不够深入。\n三、原因剖析\n一是要求不严。\n四、整改措施\n1.制定学习计划，2024年3月底前完成。\n");

        Assert.Equal(2, record.Items(SectionKind.PriorRectification).Count);
        var measure = Assert.Single(record.Items(SectionKind.Measures));
        Assert.Equal(new DateOnly(2024, 3, 31), measure.Deadline!.DueDate);
    }

    [Fact]
    public async Task Parse_PutsAFragmentThatStartsMidWay_InTheSectionBeforeTheFirstHeading()
    {
        var record = await ParseAsync("二是调查研究不够深入，作风不够扎实，习惯听汇报、看材料。\n三是联系群众不够紧密，作为党员干部服务意识不强。\n二、原因剖析\n一是宗旨意识有所淡化，理论学习和党性锻炼放松了。\n三、整改措施\n一是坚持每季度到基层蹲点调研。\n");

        Assert.Equal(["二是", "三是"], record.Items(SectionKind.Problems).Select(p => p.Label));
        Assert.Equal(DeadlineKind.Recurring, record.Items(SectionKind.Measures)[0].Deadline!.Kind);
    }

    [Fact]
    public async Task Parse_ReadsTraditionalCharacters()
    {
        var record = await ParseAsync("對照檢查材料\n一、存在的問題\n（一）理論學習方面。學習不夠系統。\n二、原因剖析\n一是要求不嚴。\n三、整改措施\n一是加強學習，立行立改。\n");

        Assert.Single(record.Items(SectionKind.Problems));
        Assert.Equal(DeadlineKind.Immediate, record.Items(SectionKind.Measures)[0].Deadline!.Kind);
    }

    [Fact]
    public async Task Parse_JoinsLinesThatAPdfBrokeInsideSentences()
    {
        var text = string.Join('\n', Wrap("个人检视剖析材料\n一、存在的问题\n一是理论学习还不够系统深入，满足于参加集中学习和完成规定动作，自学主动性不强，对新思想的学习理解还停留在表面。\n二是担当作为还有差距，面对改革中的难题有畏难情绪，习惯按部就班，推动工作的办法不多。\n二、原因剖析\n一是理想信念有所弱化，政治理论学习抓得不紧不实，对党性修养的要求有所放松。\n三、整改措施\n一是坚持系统学习，每周至少安排半天时间自学原著原文，年底前完成读书笔记。\n", 28));

        var record = await ParseAsync(text);

        Assert.Equal(2, record.Items(SectionKind.Problems).Count);
        Assert.Contains("自学主动性不强", record.Items(SectionKind.Problems)[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', record.Items(SectionKind.Problems)[0].Text);
    }

    [Fact]
    public async Task Parse_EndsMeasuresAtTheClosingPledge_ButNotAtAPledgeThatIntroducesThem()
    {
        var record = await ParseAsync("发言材料\n一、存在的问题\n1.学习不深。\n二、原因剖析\n一是要求不严。\n三、整改措施\n我将以这次民主生活会为契机，切实抓好以下整改：\n一是深化学习。\n二是改进作风。\n以上是我的对照检查，请同志们批评指正。\n");

        Assert.Equal(["深化学习", "改进作风"], record.Items(SectionKind.Measures).Select(m => m.Title));
        Assert.Single(record.Items(SectionKind.Closing));
    }

    [Fact]
    public async Task Parse_ReadsTheAuthorLine_AndTheTeamKind()
    {
        var personal = await ParseAsync("个人对照检查材料\n发言人：王某某 县财政局局长\n一、存在的问题\n1.学习不深。\n" + Causes);
        var team = await ParseAsync("县财政局领导班子2023年度民主生活会对照检查材料\n一、存在的问题\n1.班子学习不深。\n" + Causes);

        Assert.Equal(new Person("王某某", "县财政局局长"), personal.Author);
        Assert.Equal(StatementKind.Personal, personal.StatementKind);
        Assert.Equal(StatementKind.Team, team.StatementKind);
        Assert.Equal(2024, team.MeetingYear);
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            for (var i = 0; i < paragraph.Length; i += width)
            {
                yield return paragraph.Substring(i, Math.Min(width, paragraph.Length - i));
            }
        }
    }

    [Fact]
    public async Task Parse_TypesPartsWithoutHeadings_ByTheirLanguage()
    {
        var record = await ParseAsync(
            "组织生活会发言\n一是学习不够深入，满足于完成积分。\n二是服务群众不够耐心。\n"
            + "产生这些问题，根子还是在于自己放松了要求。\n一是理想信念有所弱化。\n二是宗旨意识有所淡化。\n"
            + "整改上，一是每周学习两次；二是窗口服务做到一次说清。\n以上发言，请批评指正。\n党员：何××\n");

        Assert.Equal(["学习不够深入，满足于完成积分", "服务群众不够耐心"], record.Items(SectionKind.Problems).Select(p => p.Title));
        Assert.Equal(2, record.Items(SectionKind.Causes).Count(c => c.Label is "一是" or "二是"));
        Assert.Equal(["一是", "二是"], record.Items(SectionKind.Measures).Select(m => m.Label));
        Assert.DoesNotContain("何××", record.Items(SectionKind.Measures)[^1].Text, StringComparison.Ordinal);
        Assert.Equal(new Person("何××", "党员"), record.Author);
    }

    [Fact]
    public async Task Parse_ReadsAFragmentOfCausesOnly_AsCauses()
    {
        var record = await ParseAsync("一是思想意识僵化。习惯用老办法。\n二是理想信念有所动摇。把自己当成办事员。\n三是宗旨意识淡化。和群众接触少了。\n四是放松了学习。\n");

        Assert.Empty(record.Items(SectionKind.Problems));
        Assert.Equal(4, record.Items(SectionKind.Causes).Count);
    }

    [Fact]
    public async Task Parse_KeepsLastYearsRectificationReport_OutOfThisYearsItems()
    {
        var record = await ParseAsync(
            "中共××县统计局党组\n2024年度民主生活会领导班子对照检查材料\n一、2023年度民主生活会整改措施落实情况\n"
            + "1.关于“调研不深入”的问题。牵头制定调研制度，全年调研36次。\n2.关于“服务不主动”的问题。建立联系台账。\n"
            + "二、存在的问题\n一是班子理论学习不够深入。\n三、原因剖析\n一是理想信念有所弱化。\n四、整改措施\n一是班子成员每月集中学习一次。\n");

        Assert.Equal(2, record.Items(SectionKind.PriorRectification).Count);
        Assert.Single(record.Items(SectionKind.Measures));
        Assert.Single(record.Items(SectionKind.Problems));
        Assert.Equal(StatementKind.Team, record.StatementKind);
    }

    [Fact]
    public async Task Parse_NeverTakesALeadInSentence_ForAnItem()
    {
        var record = await ParseAsync(
            "个人对照检查材料\n一、存在的问题\n对照上述要求，我梳理了以下2个问题，逐条明确了整改时限：\n1.学习不够深入。\n整改时限：2025年年底前\n2.调研不够经常。\n整改时限：立行立改\n" + Causes);

        var problems = record.Items(SectionKind.Problems);
        Assert.Equal(["1.", "2."], problems.Select(p => p.Label));
        Assert.Equal("2025年年底前", problems[0].Deadline?.Text);
    }
}
