using SelfReview.Contracts;
using SelfReview.Pipeline.Classification;

namespace SelfReview.Tests.Classification;

public sealed class CategoryClassifierTests
{
    [Theory]
    [InlineData("理论学习不够深入", "满足于读文件、听报告，自学原著原文少，学用脱节。", null, CategoryCode.Theory)]
    [InlineData("落实中央八项规定精神有松懈", "对公务接待标准把关不严，对身边工作人员要求不够。", null, CategoryCode.Integrity)]
    [InlineData("调查研究不够深入", "下基层多是走马观花，听汇报多，蹲点少。", null, CategoryCode.Style)]
    [InlineData("回应群众诉求不够及时", "对群众反映的急难愁盼问题跟踪不够。", null, CategoryCode.MassLine)]
    [InlineData("一岗双责落实不到位", "对分管领域党风廉政建设过问少，主体责任压力传导不够。", null, CategoryCode.PartyBuilding)]
    [InlineData("政治判断力有待提高", "对意识形态领域的错误言论警惕不够。", null, CategoryCode.Political)]
    [InlineData("数字化本领不足", "对大数据、信息化手段运用不熟练，本领恐慌。", null, CategoryCode.Capability)]
    [InlineData("斗争精神不强", "遇到矛盾绕着走，怕担责任，求稳怕乱。", null, CategoryCode.Responsibility)]
    public void Classify_FilesAProblemByItsContent(string title, string text, string? aspect, CategoryCode expected)
    {
        var category = Engine.Get<CategoryClassifier>().Classify(title, title + "。" + text, aspect);

        Assert.Equal(expected, category.Code);
        Assert.NotEmpty(category.Evidence);
        Assert.InRange(category.Confidence, 0.01, 1);
    }

    [Fact]
    public void Classify_SaysOther_WithNoEvidence() =>
        Assert.Equal(CategoryCode.Other, Engine.Get<CategoryClassifier>().Classify("某某", "某某", null).Code);
}
