using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Tests.Consolidation;

/// <summary>
/// A unit of twelve corpus statements: 029–034 are one leadership team whose members share problems
/// (调查研究, 八项规定) and, in 031 and 033, a paragraph copied word for word; 001–023 bring their own.
/// </summary>
public sealed class UnitConsolidatorTests
{
    private static readonly string[] Members = ["001", "002", "005", "009", "016", "023", "029", "030", "031", "032", "033", "034"];

    private static async Task<UnitReport> ConsolidateAsync()
    {
        var records = new List<StatementRecord>();
        foreach (var member in Members)
        {
            records.Add(await Engine.ProcessFileAsync(TestFiles.CorpusFile(member + ".txt"), "fgj"));
        }

        var options = new ConsolidationOptions { UnitName = "某区发展改革局", MeetingDate = new DateOnly(2025, 1, 20), DefaultDeadlineMonths = 3 };
        var consolidator = new UnitConsolidator(options, TimeProvider.System, Engine.Get<SelfReview.Pipeline.Vocabulary.DomainVocabulary>(), Engine.Get<SelfReview.Pipeline.Classification.DeadlineExtractor>());
        return consolidator.Consolidate("fgj", records);
    }

    [Fact]
    public async Task Consolidate_ShowsSharedProblemsOnce_WithEveryOwner()
    {
        var report = await ConsolidateAsync();

        // Owners are people, never file stems: the corpus files that name nobody count as 【待确认】.
        // The titles are the wording the members share most (the medoid of their titles), never cut and never a positive clause.

        Assert.Equal(
            [
                ("理论学习不够深入", CategoryCode.Theory, "赵明远 王丽 孙立华 【待确认】4人"),
                ("意识形态工作抓得不够紧", CategoryCode.Political, "赵明远 【待确认】2人"),
                ("攻坚克难的劲头不足", CategoryCode.Responsibility, "赵明远 【待确认】2人"),
                ("调查研究不够深入", CategoryCode.Style, "赵明远 孙立华 【待确认】6人"),
                ("落实中央八项规定精神有松懈", CategoryCode.Integrity, "赵明远 王丽 孙立华 【待确认】3人"),
                ("“一岗双责”压力传导不够", CategoryCode.PartyBuilding, "赵明远 【待确认】2人"),
                ("贯彻落实上级决策部署的系统性还不够强", CategoryCode.Political, "赵明远 孙立华 【待确认】"),
                ("学习党的创新理论不够深入", CategoryCode.Theory, "【待确认】2人"),
                ("专业能力跟不上新形势", CategoryCode.Capability, "【待确认】2人"),
            ],
            report.Summary.CommonProblems.Select(c => (c.Title, c.Category, string.Join(' ', c.Owners))));

        var list = report.Rectifications;
        Assert.Equal("某区发展改革局民主生活会查摆问题整改清单", list.Title);
        Assert.Equal(Enumerable.Range(1, list.Rows.Count), list.Rows.Select(r => r.Number));
        Assert.Equal(9, list.Rows.Count(r => r.Common));
        Assert.All(list.Rows.Take(9), r => Assert.True(r.Common && r.Problem.EndsWith("（共性问题）", StringComparison.Ordinal)));
        Assert.All(list.Rows, r => Assert.False(r.ProblemTitle!.Contains('…', StringComparison.Ordinal) || r.ProblemTitle.StartsWith("能够", StringComparison.Ordinal), r.ProblemTitle));

        // A common row gives each member one line of measures.
        Assert.All(list.Rows.Where(r => r.Common && r.MeasureItems.Count > 0), r => Assert.Equal(r.MeasureItems.Select(m => m.StatementId).Distinct().Count(), r.Measures.Split('\n').Length));
        // Every problem of the unit is behind exactly one row.
        Assert.Equal(report.Summary.Problems, list.Rows.Sum(r => r.Problems.Count));
        Assert.Equal(report.Summary.Problems, list.Rows.SelectMany(r => r.Problems).Distinct().Count());
    }

    [Fact]
    public async Task Consolidate_PutsADeadlineOnEveryRow_FromTheMeasureOrTheUnitDefault()
    {
        var report = await ConsolidateAsync();

        var rows = report.Rectifications.Rows;
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Deadline)));
        var defaulted = rows.Where(r => !r.DeadlineFromMeasure).ToList();
        Assert.NotEmpty(defaulted);
        Assert.All(defaulted, r => Assert.Equal(("2025年4月20日前", new DateOnly(2025, 4, 20)), (r.Deadline, r.DueDate!.Value)));
        var research = rows.Single(r => r.Problem.StartsWith("调查研究不够深入", StringComparison.Ordinal));
        Assert.True(research.DeadlineFromMeasure);
        Assert.Equal(8, research.OwnerDetails.Count);
        Assert.All(rows.Where(r => r.DeadlineFromMeasure && r.DueDate is null), r => Assert.Matches("立行立改|长期坚持|每|个月内|20\\*\\*", r.Deadline));
    }

    [Fact]
    public async Task Consolidate_FlagsCopiedTextAndTemplateItems_WithTheirEvidence()
    {
        var report = await ConsolidateAsync();
        var unitFlags = report.Summary.Quality.Where(q => q.StatementId is null).Select(q => q.Flag).ToList();

        var copied = Assert.Single(unitFlags, f => f.Code == "copied_text");
        Assert.StartsWith("开展调查研究存在“蜻蜓点水”现象", copied.Evidence[0], StringComparison.Ordinal);
        Assert.Contains("031与孙立华的材料有 1 处内容一字不差", copied.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["攻坚克难的劲头有所减弱", "调查研究不够深入", "调查研究不够深入扎实"],
            unitFlags.Where(f => f.Code == "identical_items").Select(f => f.Evidence[0]).Order(StringComparer.Ordinal));

        var perFile = report.Summary.Quality.Where(q => q.FileName is not null).Select(q => (q.FileName!, q.Flag.Code)).ToHashSet();
        Assert.Contains(("009.txt", "web_leftover"), perFile);
        Assert.Equal(["001.txt", "002.txt", "005.txt", "009.txt", "016.txt", "034.txt"], perFile.Where(f => f.Code == "placeholder").Select(f => f.Item1).Order(StringComparer.Ordinal));
        // vague_measure is "no action to check"; a missing deadline is its own flag (measure_without_deadline).
        Assert.Equal(9, perFile.Count(f => f.Code == "vague_measure"));
        Assert.Contains(perFile, f => f.Code == "measure_without_deadline");
        Assert.DoesNotContain(perFile, f => f.Code == "missing_section");
    }

    [Fact]
    public async Task Consolidate_SummarisesTheUnit_InChinese()
    {
        var report = await ConsolidateAsync();
        var summary = report.Summary;

        Assert.Equal((12, 12, 0), (summary.Statements, summary.Accepted, summary.Rejected));
        Assert.Equal(summary.Problems, summary.ProblemsByCategory.Values.Sum());
        Assert.Equal(9, summary.ProblemsByCategory.Count);
        Assert.StartsWith("某区发展改革局共收到检视材料 12 份，其中有效 12 份。共查摆问题 " + summary.Problems + " 个", summary.Text, StringComparison.Ordinal);
        Assert.Contains("共性问题 9 个", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopiedText_ASentenceInManyStatements_IsOneTemplateFlag_AndAFewSharingOneArePairs()
    {
        const string template = "对照党章党规和上级要求查找差距不够全面深入细致到位";
        const string copiedByTwo = "在推进重点项目过程中存在等靠要思想主动作为意识明显不足";
        // Seven members who otherwise write in their own words (so none is a duplicate of another).
        string[] own =
        [
            "下基层调研次数偏少，掌握一线情况主要依靠听汇报看材料，对群众急难愁盼问题了解不深",
            "抓财务审批把关不严，个别报销单据手续不全仍予签批，执行制度打了折扣",
            "开会学文件多，结合分管的招商引资工作思考少，学用脱节现象仍然存在",
            "批评与自我批评辣味不足，对班子成员的缺点碍于情面点到为止",
            "统筹安全生产检查时满足于面上部署，对隐患整改跟踪督办不够及时",
            "推进老旧小区改造时与住户沟通不充分，部分楼栋施工引发投诉",
            "网络意识形态阵地管理存在薄弱环节，对所属公众号审核把关不细",
        ];
        string[] measures =
        [
            "每季度到联系点蹲点调研不少于五天并形成调研报告",
            "严格执行财务报销审签流程，逐项核对附件",
            "每月围绕招商引资专题研讨一次并形成工作举措",
            "每次民主生活会前与班子成员逐一谈心并直接指出问题",
            "建立隐患整改台账，实行销号管理",
            "设立住户意见收集点，每周通报施工进展",
            "建立公众号三审三校制度并定期抽查",
        ];
        var records = new List<StatementRecord>();
        for (var m = 0; m < 7; m++)
        {
            var lines = new[]
            {
                "一、存在的问题",
                $"（一）理论学习方面。{template}。{own[m]}。",
                $"（二）担当作为方面。{(m < 2 ? copiedByTwo + "。" : string.Empty)}{own[(m + 3) % 7]}，需要下功夫改进。",
                "二、整改措施",
                $"（一）{measures[m]}。",
            };
            records.Add(await Engine.ProcessAsync(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines)), $"成员{m + 1}.txt"));
        }

        var flags = Engine.Get<UnitConsolidator>().Consolidate("unit-template", records).Summary.Quality
            .Where(q => q.StatementId is null && q.Flag.Code == "copied_text").Select(q => q.Flag).ToList();

        var asTemplate = Assert.Single(flags, f => f.ItemIds.Count == 7);
        Assert.Contains("7 份材料中一字不差", asTemplate.Message, StringComparison.Ordinal);
        Assert.Contains(asTemplate.Evidence, e => e.StartsWith("对照党章党规", StringComparison.Ordinal));
        var pair = Assert.Single(flags, f => f.Evidence.Any(e => e.StartsWith("在推进重点项目", StringComparison.Ordinal)));
        Assert.Equal([records[0].StatementId, records[1].StatementId], pair.ItemIds);
        // Pairs only for sentences in two statements; never 21 pairs for the template sentence.
        Assert.All(flags.Where(f => f != asTemplate), f => Assert.Equal(2, f.ItemIds.Count));
        Assert.DoesNotContain(flags.Where(f => f != asTemplate), f => f.Evidence.Any(e => e.StartsWith("对照党章党规", StringComparison.Ordinal)));
    }
}
