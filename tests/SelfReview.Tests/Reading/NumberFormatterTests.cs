using SelfReview.Pipeline.Reading.Docx;

namespace SelfReview.Tests.Reading;

public sealed class NumberFormatterTests
{
    [Theory]
    [InlineData(1, "chineseCounting", "一")]
    [InlineData(10, "chineseCounting", "十")]
    [InlineData(11, "chineseCounting", "十一")]
    [InlineData(20, "chineseCountingThousand", "二十")]
    [InlineData(23, "chineseCounting", "二十三")]
    [InlineData(105, "chineseCounting", "一百零五")]
    [InlineData(3, "ideographTraditional", "丙")]
    [InlineData(2, "decimalEnclosedCircle", "②")]
    [InlineData(12, "decimal", "12")]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(28, "lowerLetter", "bb")]
    [InlineData(7, "decimalFullWidth", "７")]
    public void Format_RendersWordNumberFormats(int value, string format, string expected) =>
        Assert.Equal(expected, NumberFormatter.Format(value, format));
}
