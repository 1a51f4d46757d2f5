using SelfReview.Cli.Evaluation;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>The seed's scans read by real Tesseract (installed by scripts/setup.sh), each once, shared.</summary>
public sealed class TesseractOcrEngineTests(ScannedSeed seed) : IClassFixture<ScannedSeed>
{
    [Theory]
    [InlineData(ScannedSeed.Scan, 3)]
    [InlineData(ScannedSeed.Tiff, 3)]
    [InlineData(ScannedSeed.Phone, 1)]
    public void Process_ReadsTheSeedsScans_IntoTheSameStructureAsTheDocx(string file, int pages)
    {
        var record = seed.Records[file];

        SeedStructure.AssertMatches(record);
        Assert.Equal(TextOrigin.OcrTesseract, record.Source.TextOrigin);
        Assert.Equal(pages, record.Source.Pages);
    }

    [Theory]
    [InlineData(ScannedSeed.Scan, 0.02)]
    [InlineData(ScannedSeed.Phone, 0.04)]
    public void Ocr_ReadsTheSeedsScans_WithinTheirCharacterErrorTargets(string file, double target)
    {
        var document = Assert.IsType<TextDocument>(seed.Ocr[file].Outcome.Document);
        var text = string.Join('\n', document.Blocks.Select(b => b.Text));

        var cer = CharacterErrorRate.Compute(File.ReadAllText(TestFiles.SeedText), text);

        Assert.InRange(cer, 0, target);
    }

    [Theory]
    [InlineData(ScannedSeed.Scan)]
    [InlineData(ScannedSeed.Tiff)]
    public void Ocr_NumbersTheBlocksOfAMultiPageScan_ByTheirPage(string file)
    {
        var (pages, outcome) = seed.Ocr[file];
        var blocks = outcome.Document!.Blocks;

        Assert.Equal([1, 2, 3], pages);
        Assert.Equal([1, 2, 3], blocks.Select(b => b.Page!.Value).Distinct());
        Assert.StartsWith("2023年主题教育", blocks[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, blocks.First(b => b.Text.StartsWith("（一）思想政治方面", StringComparison.Ordinal)).Page);
        Assert.Equal(3, blocks.First(b => b.Text.StartsWith("四是抓实整改", StringComparison.Ordinal)).Page);
        // Paragraphs are whole: the ones that open with an enumerator are as many as in the seed.
        Assert.Equal(9, blocks.Count(b => b.Text.Length > 2 && b.Text[1] == '是' && "一二三四".Contains(b.Text[0], StringComparison.Ordinal)));
    }

    [Fact]
    public void Process_ReadsASinglePagePng_WithTheProblemsOnIt()
    {
        var record = seed.Records[ScannedSeed.Page1];

        Assert.Equal(TextOrigin.OcrTesseract, record.Source.TextOrigin);
        Assert.Equal(1, record.Source.Pages);
        Assert.Equal("2023年主题教育专题民主生活会个人检视发言材料", record.Title);
        Assert.Equal(["思想政治方面", "创新本领还有待提升", "开放发展还有待提速", "工作作风方面"], record.Items(SectionKind.Problems).Select(p => p.Title));
        Assert.Empty(record.Items(SectionKind.Measures)); // they are on page 3
    }

    [Fact]
    public void Process_OcrsOnlyThePagesWithoutATextLayer_AndRecordsTheOriginAsMixed()
    {
        var record = seed.Records[ScannedSeed.Mixed];
        var (pages, outcome) = seed.Ocr[ScannedSeed.Mixed];

        Assert.Equal(TextOrigin.Mixed, record.Source.TextOrigin);
        Assert.Equal(2, record.Source.Pages);
        Assert.Equal([2], pages);
        Assert.All(outcome.Document!.Blocks, b => Assert.Equal(2, b.Page));
        Assert.Contains(outcome.Document.Blocks, b => b.Text.Contains("整改销号", StringComparison.Ordinal));
    }
}
