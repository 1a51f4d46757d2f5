using SelfReview.Pipeline.Reading.Layout;

namespace SelfReview.Tests.Reading.Layout;

public sealed class ChineseTextTests
{
    [Theory]
    [InlineData("2023 年 主题 教育", "2023年主题教育")]
    [InlineData("(一) 思想 政治 方面", "（一）思想政治方面")]
    [InlineData("现报告如下:", "现报告如下：")]
    [InlineData("统一 安排 , 结合", "统一安排，结合")]
    [InlineData("对照A 提出的", "对照A提出的")]
    [InlineData("“八个 坚持” 生态", "“八个坚持”生态")]
    [InlineData("see Fig. 1 (left)", "see Fig. 1 (left)")]
    [InlineData("1.加强学习", "1.加强学习")]
    public void TidyOcrLine_RemovesSpacesAroundChinese_AndWidensPunctuationThatTouchesIt(string ocr, string expected)
    {
        Assert.Equal(expected, ChineseText.TidyOcrLine(ocr));
    }

    [Theory]
    [InlineData("深入", "细致", "深入细致")]
    [InlineData("学习", "Word", "学习Word")]
    [InlineData("the", "office", "the office")]
    [InlineData("self-", "review", "self-review")]
    public void Join_GluesChineseWithoutSpace_AndLatinWordsWithOne(string left, string right, string expected)
    {
        Assert.Equal(expected, ChineseText.Join(left, right));
    }
}
