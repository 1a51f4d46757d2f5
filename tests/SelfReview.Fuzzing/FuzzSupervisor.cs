using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfReview.Fuzzing;

/// <summary>
/// Runs a target's mutation loop in a child process (<c>worker</c>) and survives what kills it: a stack
/// overflow or an out-of-memory ends the child, and the input it was running (saved before each run)
/// becomes a finding; a child that stops answering is killed and its input kept as a hang. The child
/// runs with a 1.5 GB GC heap limit, so a memory explosion is an out-of-memory rather than a machine
/// brought to its knees. Restarts the child until the time is up and totals its statistics.
/// </summary>
public sealed partial class FuzzSupervisor(string findings, TextWriter log)
{
    private const string HeapLimit = "0x60000000";

    public sealed record Totals(string Target, long Executions, double Seconds, int Findings);

    public Totals Run(string target, TimeSpan duration, int seed)
    {
        var folder = Path.Combine(findings, target);
        var clock = Stopwatch.StartNew();
        long executions = 0;
        var found = 0;
        var state = Directory.CreateTempSubdirectory("selfreview-fuzz-").FullName;
        var current = Path.Combine(state, "current.bin");
        try
        {
            while (duration - clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                var remaining = duration - clock.Elapsed;
                var (exitCode, workerExecutions, workerFindings, stderr, killed) = RunWorker(target, folder, remaining, current, seed++);
                executions += workerExecutions;
                found += workerFindings;
                if (exitCode is 0 or 1 && !killed)
                {
                    break;
                }

                if (exitCode == FuzzWorker.HangExitCode && !killed)
                {
                    continue;
                }

                if (File.Exists(current))
                {
                    var input = File.ReadAllBytes(current);
                    var kind = killed ? "hang" : "died";
                    var why = killed
                        ? "the worker stopped answering and was killed"
                        : $"the worker process ended with exit code {exitCode}: {Tail(stderr)}";
                    var path = FuzzCorpus.Save(folder, kind, input, why);
                    found++;
                    log.WriteLine($"FINDING {target} {kind} {path}: {why}");
                    File.Delete(current);
                }
                else
                {
                    throw new InvalidOperationException($"The {target} worker ended with exit code {exitCode} outside any input: {Tail(stderr)}");
                }
            }
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }

        return new Totals(target, executions, clock.Elapsed.TotalSeconds, found);
    }

    private (int ExitCode, long Executions, int Findings, string Stderr, bool Killed) RunWorker(string target, string folder, TimeSpan remaining, string current, int seed)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FuzzSupervisor).Assembly.Location);
        }

        foreach (var arg in new[] { "worker", target, ((int)Math.Ceiling(remaining.TotalSeconds)).ToString(CultureInfo.InvariantCulture), folder, current, seed.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The fuzz worker did not start.");
        long executions = 0;
        var findingsSeen = 0;
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line);
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            log.WriteLine(line);
            if (Stats().Match(line) is { Success: true } stats)
            {
                Interlocked.Exchange(ref executions, long.Parse(stats.Groups[1].Value, CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith("FINDING ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref findingsSeen);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        // The worker stops itself at its deadline; past that plus one stuck input and start-up, it is hung.
        var killed = !process.WaitForExit(remaining + (FuzzBudgets.PerInput * 6) + TimeSpan.FromSeconds(60));
        if (killed)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        lock (stderr)
        {
            return (process.ExitCode, Interlocked.Read(ref executions), findingsSeen, stderr.ToString(), killed);
        }
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.Take(3)) + (lines.Length > 3 ? " …" : "");
    }

    [GeneratedRegex(@"^STATS \S+ execs=(\d+) ")]
    private static partial Regex Stats();
}
