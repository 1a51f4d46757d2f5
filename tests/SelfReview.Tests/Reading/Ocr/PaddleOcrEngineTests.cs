using SelfReview.Cli.Evaluation;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>The real PP-OCRv4 models on pages rendered from our own text (see <see cref="RenderedStatement"/>).</summary>
[Trait("Category", "Integration")]
public sealed class PaddleOcrEngineTests(RenderedStatement statement) : IClassFixture<RenderedStatement>
{
    [Theory]
    [InlineData(RenderedStatement.Clean)]
    [InlineData(RenderedStatement.Noisy)]
    [InlineData(RenderedStatement.Turned90)]
    [InlineData(RenderedStatement.Turned180)]
    [InlineData(RenderedStatement.TwoColumns)]
    [InlineData(RenderedStatement.Phone)]
    [InlineData(RenderedStatement.ScannedPdf)]
    public void Recognize_ReadsThePage_WithAtMostHalfAPercentOfCharactersWrong(string page)
    {
        var document = statement.Documents[page];

        var text = Text(document);
        var cer = CharacterErrorRate.Compute(RenderedStatement.Truth(page), text);

        Assert.Equal(TextOrigin.OcrPaddle, document.Origin);
        Assert.True(cer <= 0.005, $"CER {cer:P2} over 0.5%, read:\n{text}");
    }

    [Theory]
    [InlineData(RenderedStatement.Clean)]
    [InlineData(RenderedStatement.Noisy)]
    [InlineData(RenderedStatement.Turned90)]
    [InlineData(RenderedStatement.Turned180)]
    [InlineData(RenderedStatement.TwoColumns)]
    [InlineData(RenderedStatement.Phone)]
    public void Recognize_KeepsEveryEnumerator(string page)
    {
        var (kept, total) = EnumeratorMarkers.Compare(RenderedStatement.Truth(page), Text(statement.Documents[page]));

        Assert.Equal(8, total); // （一） 一是 二是 （二） 一是 二是 1. 2.
        Assert.Equal(total, kept);
    }

    [Theory]
    [InlineData(RenderedStatement.Clean)]
    [InlineData(RenderedStatement.Turned90)]
    [InlineData(RenderedStatement.Turned180)]
    [InlineData(RenderedStatement.TwoColumns)]
    [InlineData(RenderedStatement.Phone)]
    public void Recognize_RebuildsTheParagraphs_InReadingOrder(string page)
    {
        var blocks = statement.Documents[page].Blocks;
        string[] expected = page == RenderedStatement.TwoColumns ? [RenderedStatement.Title, .. RenderedStatement.Paragraphs] : [.. RenderedStatement.Paragraphs];

        Assert.True(expected.Length == blocks.Count, $"{blocks.Count} paragraphs:\n{string.Join("\n", blocks.Select(b => b.Text))}");
        for (var i = 0; i < expected.Length; i++)
        {
            // Each paragraph opens where it should (its enumerator or first words) and is whole.
            Assert.StartsWith(CharacterErrorRate.Normalize(expected[i])[..4], CharacterErrorRate.Normalize(blocks[i].Text), StringComparison.Ordinal);
            Assert.True(CharacterErrorRate.Compute(expected[i], blocks[i].Text) <= 0.05, $"paragraph {i + 1} read as {blocks[i].Text}");
            Assert.Equal(1, blocks[i].Page);
        }
    }

    private static string Text(TextDocument document) => string.Join('\n', document.Blocks.Select(b => b.Text));
}
