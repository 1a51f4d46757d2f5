using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Tests.Reading;

public sealed class InvisibleCharactersTests
{
    [Fact]
    public void Strip_RemovesZeroWidthAndDirectionControls_AndFlagsTheDocument()
    {
        var document = new TextDocument([new TextBlock("一\u200B是学习\u202E不够\u202C深入\uFEFF"), new TextBlock("\u200D"), new TextBlock("二是", Label: "（\u2066一）")], TextOrigin.PlainText);

        var stripped = InvisibleCharacters.Strip(document);

        Assert.Equal(["一是学习不够深入", "二是"], stripped.Blocks.Select(b => b.Text));
        Assert.Equal("（一）", stripped.Blocks[1].Label);
        var flag = Assert.Single(stripped.Flags!);
        Assert.Equal("invisible_characters", flag.Code);
        Assert.Contains("6", flag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strip_ReturnsTheSameDocument_WhenNothingIsInvisible()
    {
        var document = new TextDocument([new TextBlock("一是学习不够深入")], TextOrigin.PlainText);

        Assert.Same(document, InvisibleCharacters.Strip(document));
    }
}
