using System.Diagnostics;
using System.Globalization;
using SelfReview.Pipeline.Diagnostics;

namespace SelfReview.Cli.Benchmarking;

/// <summary>
/// What users and a cold Functions instance see: new processes of this very executable, timed from
/// outside, beside the runtime's own floor (<c>selfreview --help</c>) in the same run, so the figures are
/// ratios that hold at any load. The children report their phases through <see cref="StartupPhases"/>.
/// </summary>
internal static class FreshProcessBench
{
    /// <summary>This executable and the arguments that start it again (the apphost, or <c>dotnet selfreview.dll</c>).</summary>
    private static (string File, string[] Prefix) Self()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("the process path is unknown");
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? (path, [Path.Combine(AppContext.BaseDirectory, typeof(FreshProcessBench).Assembly.GetName().Name + ".dll")])
            : (path, []);
    }

    /// <summary>Wall milliseconds of one fresh process (exit code checked), and the phases it reported.</summary>
    public static async Task<(double Ms, List<(string Phase, double Ms)> Phases)> RunAsync(IEnumerable<string> arguments, bool phases, CancellationToken cancellationToken)
    {
        var (file, prefix) = Self();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var phaseFile = phases ? Path.Combine(Path.GetTempPath(), "selfreview-phases-" + Guid.NewGuid().ToString("N")) : null;
        if (phaseFile is not null)
        {
            start.Environment[StartupPhases.VariableName] = phaseFile;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("selfreview did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await output;
        var errors = await error;
        if (process.ExitCode is not (CliApp.Ok or CliApp.Usage))
        {
            throw new InvalidOperationException($"selfreview {string.Join(' ', arguments)} exited {process.ExitCode}: {errors}");
        }

        var marks = new List<(string, double)>();
        if (phaseFile is not null && File.Exists(phaseFile))
        {
            foreach (var row in await File.ReadAllLinesAsync(phaseFile, cancellationToken))
            {
                var cells = row.Split('\t');
                marks.Add((cells[0], double.Parse(cells[1], CultureInfo.InvariantCulture)));
            }

            File.Delete(phaseFile);
        }

        return (ms, marks);
    }

    /// <summary>
    /// <c>bench --startup FILE</c>: <paramref name="runs"/> alternating runs of <c>--help</c> and of
    /// <c>process FILE</c> (reports included) as new processes; the phase table with medians, and the ratio.
    /// </summary>
    public static async Task WriteStartupAsync(string file, int runs, TextWriter stdout, CancellationToken cancellationToken)
    {
        var help = new List<double>();
        var process = new List<double>();
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        await stdout.WriteLineAsync(Invariant($"Fresh processes of {Self().File}, {runs} runs each, alternating; load average at the start {LoadAverage()}"));
        for (var i = 0; i < runs; i++)
        {
            help.Add((await RunAsync(["--help"], phases: false, cancellationToken)).Ms);
            var output = Directory.CreateTempSubdirectory("selfreview-startup-");
            try
            {
                var (ms, marks) = await RunAsync(["process", file, "--out", output.FullName, "--quiet"], phases: true, cancellationToken);
                process.Add(ms);
                var previous = 0.0;
                foreach (var (phase, at) in marks)
                {
                    var name = phase.StartsWith("rendered note-", StringComparison.Ordinal) ? "rendered note-….docx" : phase;
                    if (!phases.TryGetValue(name, out var list))
                    {
                        phases[name] = list = [];
                        order.Add(name);
                    }

                    list.Add(at - previous);
                    previous = at;
                }
            }
            finally
            {
                output.Delete(recursive: true);
            }
        }

        await stdout.WriteLineAsync("| phase of `selfreview process one.docx` (fresh process) | median ms |");
        await stdout.WriteLineAsync("| --- | ---: |");
        foreach (var name in order)
        {
            await stdout.WriteLineAsync(Invariant($"| {name} | {Median(phases[name]):0.0} |"));
        }

        var ratio = Median(process) / Median(help);
        await stdout.WriteLineAsync(Invariant($"selfreview --help: median {Median(help):0} ms; selfreview process one .docx with reports: median {Median(process):0} ms = {ratio:0.0}× --help (target ≤ 4×: {(ratio <= 4 ? "met" : "not met")}); load average at the end {LoadAverage()}"));
    }

    /// <summary>
    /// <c>bench --batch DIR</c>: every .docx of the folder (distinct files) as one new process, against pandoc
    /// run once per file on the same files, in the same run.
    /// </summary>
    public static async Task WriteBatchAsync(string folder, TextWriter stdout, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder, "*.docx").Order(StringComparer.Ordinal).ToList();
        var output = Directory.CreateTempSubdirectory("selfreview-batch-");
        double ours;
        try
        {
            ours = (await RunAsync(["process", folder, "--out", output.FullName, "--quiet"], phases: false, cancellationToken)).Ms;
        }
        finally
        {
            output.Delete(recursive: true);
        }

        var line = Invariant($"selfreview process, {files.Count} .docx as one fresh process: {ours:0} ms wall, {ours / files.Count:0.00} ms per file");
        if (await Pandoc.VersionAsync(cancellationToken) is not { } version)
        {
            await stdout.WriteLineAsync(line + "; " + Pandoc.InstallHint + Invariant($"; load average {LoadAverage()}"));
            return;
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var file in files)
        {
            await Pandoc.ToPlainTextAsync(file, cancellationToken);
        }

        var theirs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var ratio = theirs / ours;
        await stdout.WriteLineAsync(line + Invariant($"; {version} -t plain, a process per file: {theirs:0} ms, {theirs / files.Count:0.00} ms per file; ours {ratio:0.0}× faster (target ≥ 20×: {(ratio >= 20 ? "met" : "not met")}); load average {LoadAverage()}"));
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
