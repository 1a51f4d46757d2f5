using SelfReview.Pipeline.Reading.Layout;

namespace SelfReview.Tests.Reading.Layout;

public sealed class ParagraphAssemblerTests
{
    private const double Em = 20;
    private const double Pitch = 30;
    private const double Margin = 100;
    private const double Width = 600; // 30 characters

    [Fact]
    public void Assemble_StartsParagraphsAtIndents_AndEndsThemAtShortLines()
    {
        var lines = Page(
            1,
            (2, 30, "一是创新本领还有待提升。对照提出的要求还"), // indented, full
            (0, 30, "有差距。虽然能够始终坚持高质量发展方向，"),
            (0, 12, "但创新的办法还不多。"), // short: the paragraph ends
            (0, 30, "面对飞速发展的信息技术，在主动适应信息化"), // not indented, but after a short line
            (0, 30, "要求上还需提高。"),
            (2, 30, "二是开放发展还有待提速。有时过于强调自力"));

        var blocks = ParagraphAssembler.Assemble(lines);

        Assert.Equal(
            ["一是创新本领还有待提升。对照提出的要求还有差距。虽然能够始终坚持高质量发展方向，但创新的办法还不多。",
             "面对飞速发展的信息技术，在主动适应信息化要求上还需提高。",
             "二是开放发展还有待提速。有时过于强调自力"],
            blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal(1, b.Page));
    }

    [Fact]
    public void Assemble_ContinuesAParagraphOverAPageBreak_WhenThePageEndsOnAFullLine()
    {
        var lines = Page(1, (2, 30, "三是推进从严治党。坚决贯彻落实纠正四风不"), (0, 30, "能止步，作风建设永远在路上的指示精神，推"))
            .Concat(Page(2, (0, 30, "动全面从严治党向基层延伸、向纵深推进。认"), (0, 10, "真学习党章。"), (2, 30, "四是抓实整改销号。对这次广泛征求到的意见")))
            .ToList();

        var blocks = ParagraphAssembler.Assemble(lines);

        Assert.Equal(2, blocks.Count);
        Assert.StartsWith("三是推进从严治党", blocks[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("认真学习党章。", blocks[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, blocks[0].Page);
        Assert.Equal(2, blocks[1].Page);
    }

    [Fact]
    public void Assemble_SeparatesParagraphsByALargerGap_AndMarksLargeTypeAsAHeading()
    {
        var lines = new List<LayoutLine>
        {
            new(1, "个人检视发言材料", 250, 0, 550, 36, 36), // large, centred title
            Line(1, 1, 2, 30, "根据市委统一安排，结合学习新时代中国特色社"),
            Line(1, 2, 0, 30, "会主义思想和党的大精神等，对照党章党纪，在"),
            Line(1, 3, 0, 30, "深入走访基层党员干部群众，广泛听取班子成员"),
            Line(1, 4, 0, 30, "及相关同志意见建议的基础上，认真查找了个人"),
            Line(1, 6, 0, 30, "（一）思想政治方面，此行与上一行之间空了一"), // two pitches down
            Line(1, 7, 0, 30, "行，是另一段的开头，虽然既没有缩进，上一行"),
        };

        var blocks = ParagraphAssembler.Assemble(lines);

        Assert.Equal(3, blocks.Count);
        Assert.Equal(0, blocks[0].HeadingLevel);
        Assert.Null(blocks[1].HeadingLevel);
        Assert.StartsWith("（一）", blocks[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assemble_MeasuresIndentsLocally_OnATiltedPage()
    {
        // A photo turned by 2°: over 40 lines the margins drift by two characters, as far as an indent,
        // so a page-wide margin would see every line at the bottom as indented.
        var lines = new List<LayoutLine>();
        var texts = new[] { "段落一第一行", "段落一第二行", "段落一第三行", "段落一第四行", "段落二第一行", "段落二第二行", "段落二第三行", "段落二第四行" };
        for (var i = 0; i < 40; i++)
        {
            var drift = i * Pitch * Math.Tan(2 * Math.PI / 180);
            var indent = i % 4 == 0 ? 2 : 0;
            var left = Margin + drift + (indent * Em);
            lines.Add(new LayoutLine(1, texts[i % 8] + i, left, i * Pitch, Margin + drift + Width, (i * Pitch) + Em, Em));
        }

        var blocks = ParagraphAssembler.Assemble(lines);

        Assert.Equal(10, blocks.Count);
        Assert.All(blocks, b => Assert.StartsWith("段落", b.Text, StringComparison.Ordinal));
    }

    private static List<LayoutLine> Page(int page, params (int Indent, int Chars, string Text)[] rows) =>
        [.. rows.Select((r, i) => Line(page, i, r.Indent, r.Chars, r.Text))];

    private static LayoutLine Line(int page, int row, int indent, int chars, string text) =>
        new(page, text, Margin + (indent * Em), 50 + (row * Pitch), Margin + (Math.Min(chars, 30) * Em), 50 + (row * Pitch) + Em, Em);
}
