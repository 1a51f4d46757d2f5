using System.Text;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Html;
using SelfReview.Tests.Hostile;

namespace SelfReview.Tests.Reading.Html;

public sealed class HtmlReaderTests
{
    [Fact]
    public async Task Read_GivesOneBlockPerParagraph_JoiningLinesWordWrappedBetweenChineseCharacters()
    {
        var html = "<html><head><title>标题不读</title><style>p {color:red}</style></head><body>"
            + "<h1>一、存在的问题</h1>\r\n<p class=MsoNormal>理论学习不够\r\n深入，<b>联系实际</b> not\r\nenough</p>"
            + "<!--[if gte mso 9]><xml><w:WordDocument>隐藏</w:WordDocument></xml><![endif]-->"
            + "<table><tr><td>表格里的文字</td></tr></table><p>第一行<br>第二行</p></body></html>";

        var document = await Read(Encoding.UTF8.GetBytes(html));

        Assert.Equal(["一、存在的问题", "理论学习不够深入，联系实际 not enough", "表格里的文字", "第一行\n第二行"], document.Blocks.Select(b => b.Text));
        Assert.Equal(0, document.Blocks[0].HeadingLevel);
        Assert.Equal([false, false, true, false], document.Blocks.Select(b => b.InTable));
        Assert.Equal(TextOrigin.Html, document.Origin);
    }

    [Fact]
    public async Task Read_DecodesTheDeclaredCharset_WhenWordSavedThePageAsGb2312()
    {
        var document = await Read(HostileFiles.WordHtml());

        Assert.Equal(HostileFiles.SeedLines, document.Blocks.Select(b => b.Text));
    }

    [Fact]
    public async Task Read_UnpacksAWebArchive_ThroughItsQuotedPrintableHtmlPart()
    {
        var document = await Read(HostileFiles.Mhtml());

        Assert.Equal(HostileFiles.SeedLines, document.Blocks.Select(b => b.Text));
    }

    [Fact]
    public async Task Read_RefusesDeepNesting_BeforeParsing()
    {
        var error = await Assert.ThrowsAsync<LimitExceededException>(() => Read(HostileFiles.DeepHtml(5_000)));

        Assert.Equal("too_deep", error.Code);
    }

    [Fact]
    public void TagNesting_DoesNotCountElementsWhoseEndTagMayBeOmitted()
    {
        var sloppy = string.Concat(Enumerable.Repeat("<p>段落<li>条目<td>单元格<br><img src=x>", 1_000));

        Assert.False(TagNesting.Exceeds(sloppy, 128));
        Assert.True(TagNesting.Exceeds(string.Concat(Enumerable.Repeat("<div><span>", 100)), 128));
    }

    private static async Task<TextDocument> Read(byte[] bytes)
    {
        var outcome = await new HtmlReader().ReadAsync(bytes, FormatSniffer.Detect(bytes));
        return outcome.Document!;
    }
}
