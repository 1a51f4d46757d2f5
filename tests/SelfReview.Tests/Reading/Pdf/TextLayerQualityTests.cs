using SelfReview.Pipeline.Reading.Pdf;

namespace SelfReview.Tests.Reading.Pdf;

public sealed class TextLayerQualityTests
{
    [Theory]
    [InlineData("一、存在的问题（一）思想政治方面对新时代中国特色社会主义思想的学习", TextLayerVerdict.Usable)]
    [InlineData("2023年主题教育专题民主生活会 “八个坚持” A 1.", TextLayerVerdict.Usable)]
    [InlineData("- 3 -", TextLayerVerdict.Sparse)]
    [InlineData("", TextLayerVerdict.Sparse)]
    [InlineData("\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011\u0012\u0013", TextLayerVerdict.Garbage)]
    [InlineData("ÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëì", TextLayerVerdict.Garbage)]
    [InlineData("\uE001\uE002\uE003\uE004\uE005\uE006\uE007\uE008\uE009\uE00A\uE00B", TextLayerVerdict.Garbage)]
    public void Judge_TellsTextFromScansAndFontsWithoutUnicode(string text, TextLayerVerdict expected)
    {
        Assert.Equal(expected, TextLayerQuality.Judge(text));
    }
}
