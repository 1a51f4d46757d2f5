using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SelfReview.Tests.Hostile;

/// <summary>
/// The whole hostile corpus as one batch through <c>selfreview process</c> in a child process, as a user
/// would run it: every file ends as a record, the process peaks under 1 GB and finishes in under 5 minutes.
/// </summary>
public sealed class HostileBatchTests : IDisposable
{
    private const long PeakLimitBytes = 1024L * 1024 * 1024;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(5);

    private readonly string _work = Directory.CreateTempSubdirectory("selfreview-hostile-").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Process_GivesEveryHostileFileARecord_UnderOneGigabyteAndFiveMinutes()
    {
        var input = Directory.CreateDirectory(Path.Combine(_work, "in")).FullName;
        var files = HostileFiles.All();
        foreach (var (name, content) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(input, name), content);
        }

        var output = Path.Combine(_work, "out");
        var run = await RunCliAsync(["process", input, "--out", output, "--unit", "hostile"]);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.True(run.Elapsed < TimeLimit, $"took {run.Elapsed}");
        Assert.True(run.PeakBytes < PeakLimitBytes, $"peak {run.PeakBytes / (1024 * 1024)} MB");
        var records = Directory.GetFiles(Path.Combine(output, "statements"), "*.json");
        Assert.Equal(files.Count, records.Length);
        var names = records.Select(r =>
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(r));
            return json.RootElement.GetProperty("source").GetProperty("fileName").GetString();
        }).ToHashSet(StringComparer.Ordinal);
        Assert.All(files, f => Assert.Contains(f.Name, names));
        Assert.All(records, r => Assert.True(System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(r)) <= 255, r));
        // A newline in a name must not forge a line of the progress or the table.
        Assert.DoesNotContain(run.Stderr.Split('\n'), l => l.StartsWith("forged", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Stdout.Split('\n'), l => l.StartsWith("forged", StringComparison.Ordinal));
        Assert.Contains("材料\\nforged.txt", run.Stdout, StringComparison.Ordinal);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hostile batch: {files.Count} files, {run.Elapsed.TotalSeconds:F1} s, peak {run.PeakBytes / (1024 * 1024)} MB"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>Runs the CLI beside the tests in a child process, sampling its peak resident memory (VmHWM).</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, long PeakBytes)> RunCliAsync(string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        using var timeout = new CancellationTokenSource(TimeLimit + TimeSpan.FromMinutes(1));
        while (!process.HasExited && !timeout.IsCancellationRequested)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(50);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr, clock.Elapsed, peak);
    }

    /// <summary>
    /// The CLI as its own build wrote it (its deps.json and runtimeconfig resolve its dependencies; the copy
    /// beside the tests is a reference, not an app): functions/SelfReview.Cli/bin/{configuration}/{tfm}.
    /// </summary>
    private static string CliAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = typeof(HostileBatchTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
        return Path.Combine(root, "functions", "SelfReview.Cli", "bin", output.Parent!.Name, output.Name, "selfreview.dll");
    }

    /// <summary>VmHWM of /proc/PID/status: the peak resident set so far, in bytes (0 once the process is gone).</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
