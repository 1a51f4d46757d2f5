using SelfReview.Cli;
using SelfReview.Fixtures;

namespace SelfReview.Tests.Cli;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("selfreview-bench-").FullName;

    [Fact]
    public async Task Bench_PrintsTheTableOfEveryStage_OnATinyGeneratedFolder()
    {
        new CorpusGenerator(seed: 4).WriteDocx(8, _work);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["bench", _work, "--files", "6", "--iterations", "3", "--sizes", "4,8,50", "--pandoc", "0", "--warmup", "0"], stdout, stderr);

        Assert.Equal(CliApp.Ok, code);
        var table = stdout.ToString();
        Assert.Contains("| stage | n | median | p90 | note |", table, StringComparison.Ordinal);
        foreach (var stage in new[]
        {
            "read .docx (DocxReader", "clean + parse + classify", "analyze: everything after reading", "floor: unzip + XmlReader",
            ".docx → StatementRecord", "full pipeline per file", "consolidate 4 statements", "consolidate 8 statements",
            "export CSV, 1,000-row", "export XLSX, 1,000-row", "export DOCX, 1,000-row", "selfreview process, 6 files end to end",
        })
        {
            Assert.Matches(@"\| " + System.Text.RegularExpressions.Regex.Escape(stage) + @"[^\n]*\| [\d.]+ (ms|s) \|", table);
        }

        // What could not be measured says why: too few statements for 50, pandoc left out.
        Assert.Contains("| consolidate 50 statements | - | - | - | only 8 statements in the folder: generate more |", table, StringComparison.Ordinal);
        Assert.Contains("left out (--pandoc 0)", table, StringComparison.Ordinal);
        Assert.Contains("load average at the start", table, StringComparison.Ordinal);
        Assert.Contains("; exit 0)", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("bench no-such-folder")]
    [InlineData("bench {work} --sizes 10,x")]
    [InlineData("bench {work} --files 0")]
    public async Task Bench_ExitsWithUsage_OnBadArguments(string commandLine)
    {
        var args = commandLine.Replace("{work}", _work, StringComparison.Ordinal).Split(' ');
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, new StringWriter(), stderr);

        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("selfreview bench", stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
