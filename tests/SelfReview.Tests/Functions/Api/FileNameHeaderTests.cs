using SelfReview.Api;

namespace SelfReview.Tests.Functions.Api;

public sealed class FileNameHeaderTests
{
    [Theory]
    [InlineData("UTF-8''%E5%BC%A0%E4%B8%89.docx", "张三.docx")]
    [InlineData("utf-8'zh-CN'%E5%BC%A0%E4%B8%89.docx", "张三.docx")]
    [InlineData("%E5%BC%A0%E4%B8%89%20%E6%9D%90%E6%96%99.docx", "张三 材料.docx")]
    [InlineData("plain.docx", "plain.docx")]
    [InlineData("  spaced.txt ", "spaced.txt")]
    public void Decode_ReadsRfc8187AndPercentEncodedNames(string header, string expected) => Assert.Equal(expected, FileNameHeader.Decode(header));

    [Theory]
    [InlineData("ISO-8859-1''caf%E9.txt")]
    [InlineData("UTF-8''%E5%BC")]
    [InlineData("UTF-8''%ZZ.docx")]
    [InlineData("%FF%FE.docx")]
    public void Decode_GivesNothing_ForOtherCharsetsAndBrokenEncodings(string header) => Assert.Null(FileNameHeader.Decode(header));
}
