using SelfReview.Contracts;
using SelfReview.Pipeline.Parsing;

namespace SelfReview.Tests.Parsing;

public sealed class TitleBlockReaderTests
{
    private static TitleBlock Read(params string[] lines) => Engine.Get<TitleBlockReader>().Read(LineList.Of(lines));

    [Fact]
    public void Read_TakesTheNameAndPositionFromTheTitle()
    {
        var block = Read("××市环保局副局长韩××同志2023年度民主生活会对照检查材料", "按照要求，现对照检查如下。", "一、存在的问题");

        Assert.Equal(new Person("韩××", "××市环保局副局长"), block.Author);
        Assert.Equal(2024, block.MeetingYear);
        Assert.Contains(0, block.Used);
    }

    [Fact]
    public void Read_TakesAnAuthorLineOfPositionAndNameSeparatedBySpaces()
    {
        var block = Read("组织生活会个人对照检查材料", "××村党支部书记　刘××", "各位党员同志：", "一是学习不够。");

        Assert.Equal(new Person("刘××", "××村党支部书记"), block.Author);
        Assert.Equal([0, 1, 2], block.Used.Order());
    }

    [Fact]
    public void Read_TakesALabelledAuthorLineWithAPosition()
    {
        var block = Read("专题民主生活会个人检视剖析材料", "发言人：集团公司党委副书记、总经理　周××", "一、存在的问题");

        Assert.Equal(new Person("周××", "集团公司党委副书记、总经理"), block.Author);
    }

    [Fact]
    public void Read_NeverTakesASalutationAsTheAuthor()
    {
        var block = Read("组织生活会发言", "同志们：", "一是学习不够。", "以上发言，请批评指正。", "同志们：");

        Assert.Null(block.Author);
    }

    [Theory]
    [InlineData("党员：何××", "何××", "党员")]
    [InlineData("综合科　孙××", "孙××", "综合科")]
    [InlineData("赵××", "赵××", null)]
    public void Read_TakesTheSignatureAtTheEnd_AndTheDateAsTheMeetingDate(string signature, string name, string? position)
    {
        var block = Read("2024年度组织生活会发言材料", "一是学习不够深入。", "二是服务群众不够主动。", "以上对照检查，请同志们批评指正。", signature, "2025年1月12日");

        Assert.Equal(new Person(name, position), block.Author);
        Assert.Equal(new DateOnly(2025, 1, 12), block.MeetingDate);
        Assert.Equal(2025, block.MeetingYear);
        Assert.DoesNotContain(3, block.Used);
    }

    [Fact]
    public void Read_SkipsASiteHeader_AndDatesACampaignByItsYear()
    {
        var block = Read("更新时间:2023-02-01 作者:佚名", "党的群众路线教育实践活动专题组织生活会对照检查材料", "一是形式主义表现突出。");

        Assert.Equal("党的群众路线教育实践活动专题组织生活会对照检查材料", block.Title);
        Assert.Equal(2014, block.MeetingYear);
    }

    [Fact]
    public void Read_FindsNoTitle_WhenTheTextStartsWithAnItem()
    {
        var block = Read("二是学用结合不够紧。", "三是学习的系统性不强。");

        Assert.Null(block.Title);
        Assert.Empty(block.Used);
    }
}
