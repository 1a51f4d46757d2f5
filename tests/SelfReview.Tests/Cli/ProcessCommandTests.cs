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
        // The layout of the Blob containers: uploads as they came, one record per upload by SHA-256, the unit's reports.
        foreach (var name in new[] { "seed.txt", "seed.docx", "broken.docx" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(input, name)), await File.ReadAllBytesAsync(Path.Combine(output, "statements", "unit-7", name)));
        }

        var records = Directory.GetFiles(Path.Combine(output, "records", "unit-7"), "*.json");
        Assert.Equal(3, records.Length);
        foreach (var name in new[] { "summary.json", "summary.md", "rectifications.json", "rectifications.csv", "rectifications.xlsx", "rectifications.docx" })
        {
            Assert.True(new FileInfo(Path.Combine(output, "reports", "unit-7", name)).Length > 0, name);
        }

        var brokenId = SelfReview.Pipeline.StatementProcessor.StatementIdOf(await File.ReadAllBytesAsync(Path.Combine(input, "broken.docx")));
        using var broken = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "records", "unit-7", brokenId + ".json")));
        Assert.Equal("rejected", broken.RootElement.GetProperty("status").GetString());
        Assert.Equal("broken.docx", broken.RootElement.GetProperty("source").GetProperty("fileName").GetString());
        var table = stdout.ToString();
        Assert.Contains("broken.docx", table, StringComparison.Ordinal);
        Assert.Matches(@"seed\.docx\s+accepted\s+4\s+3\s+4", table);
        using var summary = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "reports", "unit-7", "summary.json")));
        Assert.Equal(3, summary.RootElement.GetProperty("statements").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task Process_WritesTheUnitsStatusIndex_WithEveryRecord_SoTheListingReadsNoRecord()
    {
        var input = Directory.CreateDirectory(Path.Combine(_work, "in-index")).FullName;
        File.Copy(TestFiles.SeedText, Path.Combine(input, "seed.txt"));
        File.Copy(TestFiles.SeedDocx, Path.Combine(input, "seed.docx"));
        await File.WriteAllBytesAsync(Path.Combine(input, "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]);
        var output = Path.Combine(_work, "out-index");

        Assert.Equal(0, await CliApp.RunAsync(["process", input, "--out", output, "--unit", "unit-8", "--quiet"], new StringWriter(), new StringWriter()));

        using var index = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "records", "unit-8", "_index", "status.json")));
        var entries = index.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("fileName").GetString(), e.GetProperty("status").GetString())).Order().ToList();
        Assert.Equal([("broken.docx", "rejected"), ("seed.docx", "accepted"), ("seed.txt", "accepted")], entries);
        var store = new SelfReview.Pipeline.Storage.FolderStatementStore(output);
        var indexer = new SelfReview.Pipeline.Storage.UnitStatusIndexer(store, Microsoft.Extensions.Logging.Abstractions.NullLogger<SelfReview.Pipeline.Storage.UnitStatusIndexer>.Instance);
        var listed = await new SelfReview.Pipeline.Storage.UnitStatusReader(store, indexer).ReadAsync("unit-8");
        Assert.Equal(["broken.docx", "seed.docx", "seed.txt"], listed.Select(u => u.FileName));
        Assert.DoesNotContain(listed, u => u.Status == SelfReview.Pipeline.Storage.UploadStatus.Pending);
    }

    [Fact]
    public async Task Process_AgainIntoTheSameFolder_RecordsEachFileOnce_AndRenamesADifferentFileOfATakenName()
    {
        var input = Directory.CreateDirectory(Path.Combine(_work, "again")).FullName;
        File.Copy(TestFiles.SeedText, Path.Combine(input, "a.txt"));
        var output = Path.Combine(_work, "out2");
        Assert.Equal(0, await CliApp.RunAsync(["process", input, "--out", output, "--quiet"], new StringWriter(), new StringWriter()));
        Assert.Equal(0, await CliApp.RunAsync(["process", input, "--out", output, "--quiet"], new StringWriter(), new StringWriter()));
        await File.WriteAllTextAsync(Path.Combine(input, "a.txt"), "一、存在的问题\n（一）理论学习不够深入。\n");
        Assert.Equal(0, await CliApp.RunAsync(["process", input, "--out", output, "--quiet"], new StringWriter(), new StringWriter()));

        Assert.Equal(["a.txt", "a~2.txt"], Directory.GetFiles(Path.Combine(output, "statements", "default")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(output, "records", "default")).Length);
    }

    [Theory]
    [InlineData("a%b#c.txt", "a_b_c.txt")]
    [InlineData(".hidden.txt", "hidden.txt")]
    [InlineData("张三 检视材料.docx", "张三 检视材料.docx")]
    [InlineData("..\\..\\a.txt", "a.txt")]
    [InlineData("第一行\n第二行.txt", "第一行_第二行.txt")]
    public void UniqueUploadName_MakesAnyFileNameValidForTheLayout(string name, string expected)
    {
        Assert.Equal(expected, SelfReview.Pipeline.Storage.FileNames.UniqueUploadName(name, new HashSet<string>()));
        Assert.True(SelfReview.Pipeline.Storage.StorageLayout.IsValidFileName(expected));
    }

    [Theory]
    [InlineData("process")]
    [InlineData("serve")]
    [InlineData("eval")]
    [InlineData("schema")]
    [InlineData("bench")]
    [InlineData("ocr-bench")]
    public async Task EveryCommand_HasHelp(string command)
    {
        var stdout = new StringWriter();

        Assert.Equal(CliApp.Ok, await CliApp.RunAsync([command, "--help"], stdout, new StringWriter()));
        // The usage line names the running executable (selfreview, or the test host here), then the command.
        Assert.Matches(@"Usage:\s+\S+ " + command + @" ", stdout.ToString());
        Assert.Contains("--help", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("process")]
    [InlineData("process seeds")]
    [InlineData("process no-such-folder --out x")]
    [InlineData("process seeds --out")]
    [InlineData("frobnicate")]
    [InlineData("process seeds --out x --bogus")]
    [InlineData("serve")]
    [InlineData("process seeds --out x --meeting-date 2025-13-40")]
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
