using System.ComponentModel;
using System.Diagnostics;

namespace SelfReview.Cli.Benchmarking;

/// <summary>The peer: <c>pandoc -f docx -t plain</c>, one process per file, as a script would run it over a folder.</summary>
internal static class Pandoc
{
    public const string InstallHint = "pandoc not found: install it to compare (Debian/Ubuntu: sudo apt-get install pandoc)";

    /// <summary>pandoc's version line, or null when it is not installed.</summary>
    public static async Task<string?> VersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (code, output) = await RunAsync(["--version"], cancellationToken);
            return code == 0 ? output.Split('\n')[0].Trim() : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Converts one file to plain text; returns the characters written.</summary>
    public static async Task<int> ToPlainTextAsync(string file, CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync(["-f", "docx", "-t", "plain", "--wrap=none", file], cancellationToken);
        return code == 0 ? output.Length : throw new InvalidOperationException($"pandoc exited {code} on {Path.GetFileName(file)}");
    }

    private static async Task<(int Code, string Output)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("pandoc") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new Win32Exception("pandoc did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await error;
        return (process.ExitCode, await output);
    }
}
