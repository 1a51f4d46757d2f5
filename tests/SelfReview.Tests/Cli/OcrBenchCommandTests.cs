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
        // The text PDF reads exactly as the seed: no OCR, no errors.
        Assert.Matches(@"000_2b906ff47b59dcbb\.text\.pdf\s+pdfTextLayer\s+3\s+\d+\.\d\d\s+0\.00%", stdout.ToString());
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
        var report = OcrBenchCommand.Report([new OcrBenchCommand.Row("scan.pdf", "-", 0, 0.1, null, "ocr_unavailable: 本机未安装")], 2);

        Assert.Matches(@"scan\.pdf\s+-\s+0\s+0\.10\s+-\s+ocr_unavailable", report);
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
