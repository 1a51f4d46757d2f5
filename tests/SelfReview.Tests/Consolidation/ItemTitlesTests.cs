using SelfReview.Contracts;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Tests.Consolidation;

public sealed class ItemTitlesTests
{
    [Theory]
    [InlineData("作风建设方面", "作风建设方面", "能够严格遵守中央八项规定精神，但对身边工作人员要求不严，有时默许超标准用餐。", "对身边工作人员要求不严，有时默许超标准用餐")]
    [InlineData("政治素质方面", "政治素质方面", "班子在贯彻落实上级决策部署上总体是坚决的，但有时存在打折扣、搞变通的情况。", "有时存在打折扣、搞变通的情况")]
    [InlineData(null, "在带头深刻感悟“两个确立”的决定性意义方面", "在带头深刻感悟“两个确立”的决定性意义方面。对“两个确立”的理解停留在字面上，结合本职工作思考不深。", "对“两个确立”的理解停留在字面上，结合本职工作思考不深")]
    [InlineData(null, "调查研究不够深入", "调查研究不够深入。下基层多，解决问题少。", "调查研究不够深入")]
    [InlineData("担当作为方面", "担当作为方面", "面对群众反映强烈的老旧小区改造、停车难和学校周边交通拥堵问题，研究推动不够有力，满足于开会布置。", "面对群众反映强烈的老旧小区改造、停车难和学校周边交通拥堵问题")]
    public void Of_GivesTheProblemNotTheAspectOrAPositiveClause_AndNeverCutsMidClause(string? aspect, string title, string text, string expected)
    {
        var item = new StatementItem { Id = "p1", Aspect = aspect, Title = title, Text = text };

        Assert.Equal(expected, ItemTitles.Of(item));
    }
}
