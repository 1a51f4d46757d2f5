using SelfReview.Cli;
using SelfReview.Cli.Commands;
using SelfReview.Cli.Evaluation;

namespace SelfReview.Tests.Cli;

public sealed class OcrBenchCommandTests
{
    [Fact]
    public async Task OcrBench_PrintsPagesSecondsPerPageAndCer_PerFile()
    {
        var stdout = new StringWriter();

        var code = await CliApp.RunAsync(["ocr-bench", TestFiles.SeedTextPdf, "--truth", TestFiles.SeedText], stdout, new StringWriter());

        Assert.Equal(CliApp.Ok, code);
        // The text PDF reads exactly as the seed with either engine behind the reader: no OCR, no errors, every marker.
        Assert.Matches(@"000_2b906ff47b59dcbb\.text\.pdf\s+tesseract\s+pdfTextLayer\s+3\s+\d+\.\d\d\s+\d+\.\d\d\s+0\.00%\s+(\d+)/\1\s+\d+", stdout.ToString());
        Assert.Matches(@"000_2b906ff47b59dcbb\.text\.pdf\s+paddleocr\s+pdfTextLayer\s+3\s+\d+\.\d\d\s+\d+\.\d\d\s+0\.00%\s+(\d+)/\1\s+\d+", stdout.ToString());
        Assert.Matches(@"paddleocr: 1 file\(s\), 3 page\(s\), \d+\.\d\d s/page wall, \d+\.\d\d s/page processor, median CER 0\.00%, markers kept (\d+) of \1, peak \d+ MB", stdout.ToString());
        Assert.Contains("whitespace removed", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OcrBench_NeedsATruthFile()
    {
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["ocr-bench", TestFiles.SeedTextPdf], new StringWriter(), stderr);

        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("--truth", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ShowsARejectedFileWithItsReason()
    {
        var report = OcrBenchCommand.Report([new OcrBenchCommand.Row("scan.pdf", "tesseract", "-", 0, 0.1, null, 0, 12, 80 << 20, "ocr_unavailable: 本机未安装")], 2);

        Assert.Matches(@"scan\.pdf\s+tesseract\s+-\s+0\s+0\.10\s+0\.00\s+-\s+-\s+80\s+ocr_unavailable", report);
        Assert.DoesNotContain("tesseract: ", report, StringComparison.Ordinal); // no summary for an engine that read nothing
    }

    [Theory]
    [InlineData("一是学习不深。二是落实不够。", "一是学习不深。一是落实不够。", 1, 2)]
    [InlineData("（一）思想方面\n1.理论学习\n2.党性修养", "(一)思想方面1.理论学习2.党性修养", 3, 3)]
    [InlineData("（二）作风方面，三、整改措施", "《二)作风方面，三整改措施", 0, 2)]
    [InlineData("2023年12.5万元，总是如此", "2023年12.5万元，总是如此", 0, 0)]
    public void EnumeratorMarkers_CountsTheTruthsMarkersFoundInTheText(string truth, string text, int kept, int total)
    {
        Assert.Equal((kept, total), EnumeratorMarkers.Compare(truth, text));
    }

    [Theory]
    [InlineData("对新时代的学习", "对新时代的学习", 0.0)]
    [InlineData("（一）思想 政治", "(一)思想政治\n", 0.0)]
    [InlineData("创新本领还有待提升", "创新本领还有竺提升", 1.0 / 9)]
    [InlineData("整改", "整改销号", 1.0)]
    [InlineData("整改销号", "", 1.0)]
    public void CharacterErrorRate_IsEditDistanceOverReferenceLength_IgnoringWhitespaceAndWidth(string reference, string hypothesis, double expected)
    {
        Assert.Equal(expected, CharacterErrorRate.Compute(reference, hypothesis), precision: 6);
    }
}
