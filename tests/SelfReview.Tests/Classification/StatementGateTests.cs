using SelfReview.Contracts;
using SelfReview.Pipeline.Classification;
using SelfReview.Pipeline.Parsing;
using SelfReview.Tests.Parsing;

namespace SelfReview.Tests.Classification;

/// <summary>The gate rejects only on positive evidence of another genre; weak evidence is accepted with a flag.</summary>
public sealed class StatementGateTests
{
    private static StatementGate.Verdict Judge(params string[] lines) =>
        Engine.Get<StatementGate>().Judge(Engine.Get<StatementParser>().Parse(LineList.Of(lines)));

    [Fact]
    public void Judge_AcceptsAShortFirstPersonText_WithoutHeadingsOrDomainTerms()
    {
        var verdict = Judge("一是对自己要求放松了，觉得做好手头的事就行。", "二是办事时有时不耐烦，解释得不够清楚。", "今后我要每周抽出时间学习，办事时先问清需求。");

        var accepted = Assert.IsType<StatementGate.Verdict.Accepted>(verdict);
        Assert.Equal(StatementKind.Personal, accepted.Kind);
        Assert.InRange(accepted.Confidence, 0.01, 1);
    }

    [Fact]
    public void Judge_FlagsWeakEvidence_InsteadOfRejecting()
    {
        var verdict = Judge("一是报表核对不细。");

        var accepted = Assert.IsType<StatementGate.Verdict.Accepted>(verdict);
        Assert.Equal("uncertain_statement", accepted.Review?.Code);
    }

    [Fact]
    public void Judge_RejectsASupervisorsSpeechToTheMeeting()
    {
        var verdict = Judge(
            "在局领导班子专题民主生活会上的点评讲话",
            "同志们：",
            "刚才，班子成员逐一作了对照检查。总的看，这次民主生活会准备充分，达到了预期目的。下面，我讲几点意见。",
            "一是会前准备扎实。二是查摆问题比较具体，有的同志问题点得准。",
            "二、几点要求",
            "一是抓好整改。大家要把问题清单落到实处。");

        var rejected = Assert.IsType<StatementGate.Verdict.Rejected>(verdict);
        Assert.Contains("讲话", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_RejectsAnEssayAboutOthers_ThatHasTheWholeSkeleton()
    {
        var verdict = Judge(
            "当前基层作风建设中值得注意的问题",
            "一、存在的问题",
            "一是部分党员干部学习不够深入。二是个别工作人员服务意识不强。三是少数干部担当不足。",
            "二、原因分析",
            "一是部分党员干部理想信念有所弱化。二是一些党员干部宗旨意识淡化。",
            "三、对策建议",
            "一是加强教育。二是严格管理，对个别单位的问题要严肃处理。");

        Assert.IsType<StatementGate.Verdict.Rejected>(verdict);
    }

    [Fact]
    public void Judge_MarksATeamMaterial_ByItsTitleAndSubject()
    {
        var verdict = Judge(
            "中共××县统计局党组",
            "2024年度民主生活会领导班子对照检查材料",
            "一、存在的问题",
            "一是班子理论学习不够深入。我们对创新理论学得不够系统，班子成员交流研讨少。",
            "二、原因剖析",
            "一是理想信念有所弱化。",
            "三、整改措施",
            "一是班子成员每月集中学习一次。");

        Assert.Equal(StatementKind.Team, Assert.IsType<StatementGate.Verdict.Accepted>(verdict).Kind);
    }

    [Fact]
    public void Judge_RejectsATextWithNoSelfReviewContent()
    {
        Assert.IsType<StatementGate.Verdict.Rejected>(Judge("会议通知", "定于下周一上午召开全体会议，请准时参加。"));
    }
}
