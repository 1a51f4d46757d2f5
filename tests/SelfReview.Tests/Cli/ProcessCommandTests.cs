using System.Text.Json;
using SelfReview.Cli;

namespace SelfReview.Tests.Cli;

public sealed class ProcessCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("selfreview-cli-").FullName;

    [Fact]
    public async Task Process_GivesEveryNameARecord_WithSafeNamesWithin255Bytes_AndEscapesNamesInTheTable()
    {
        var input = Directory.CreateDirectory(Path.Combine(_work, "names")).FullName;
        string[] names = [new string('检', 83) + ".txt", "..\\材料.txt", "材料\nforged  accepted.txt"];
        foreach (var name in names)
        {
            File.Copy(TestFiles.SeedText, Path.Combine(input, name));
        }

        var output = Path.Combine(_work, "names-out");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["process", input, "--out", output], stdout, stderr);

        Assert.Equal(0, code);
        var records = Directory.GetFiles(Path.Combine(output, "statements"));
        Assert.Equal(3, records.Length);
        Assert.All(records, r => Assert.True(System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(r)) <= 255, r));
        Assert.DoesNotContain(stdout.ToString().Split('\n'), l => l.StartsWith("forged", StringComparison.Ordinal));
        Assert.DoesNotContain(stderr.ToString().Split('\n'), l => l.StartsWith("forged", StringComparison.Ordinal));
        Assert.Contains("材料\\nforged", stdout.ToString(), StringComparison.Ordinal);
    }

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
