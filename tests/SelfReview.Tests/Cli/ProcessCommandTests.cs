using System.Text.Json;
using SelfReview.Cli;

namespace SelfReview.Tests.Cli;

public sealed class ProcessCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("selfreview-cli-").FullName;

    [Fact]
    public async Task Process_WritesARecordPerInput_AndTheUnitReports_EvenWithABadFile()
    {
        var input = Directory.CreateDirectory(Path.Combine(_work, "in")).FullName;
        File.Copy(TestFiles.SeedText, Path.Combine(input, "seed.txt"));
        File.Copy(TestFiles.SeedDocx, Path.Combine(input, "seed.docx"));
        await File.WriteAllBytesAsync(Path.Combine(input, "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]);
        var output = Path.Combine(_work, "out");
        var stdout = new StringWriter();

        var code = await CliApp.RunAsync(["process", input, "--out", output, "--unit", "unit-7", "--quiet"], stdout, new StringWriter());

        Assert.Equal(0, code);
        foreach (var name in new[] { "seed.txt.json", "seed.docx.json", "broken.docx.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, "statements", name)), name);
        }

        foreach (var name in new[] { "summary.json", "summary.md", "rectifications.json", "rectifications.csv", "rectifications.xlsx", "rectifications.docx" })
        {
            Assert.True(new FileInfo(Path.Combine(output, "unit", name)).Length > 0, name);
        }

        using var broken = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "statements", "broken.docx.json")));
        Assert.Equal("rejected", broken.RootElement.GetProperty("status").GetString());
        var table = stdout.ToString();
        Assert.Contains("broken.docx", table, StringComparison.Ordinal);
        Assert.Matches(@"seed\.docx\s+accepted\s+4\s+3\s+4", table);
        using var summary = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "unit", "summary.json")));
        Assert.Equal(3, summary.RootElement.GetProperty("statements").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("rejected").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("process")]
    [InlineData("process seeds")]
    [InlineData("process no-such-folder --out x")]
    [InlineData("process seeds --out")]
    [InlineData("frobnicate")]
    [InlineData("process seeds --out x --bogus")]
    public async Task Run_ExitsNonZeroWithUsage_OnBadArguments(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, stdout, stderr);

        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("selfreview process", stdout.ToString() + stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
