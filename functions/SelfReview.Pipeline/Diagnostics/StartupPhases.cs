using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SelfReview.Pipeline.Diagnostics;

/// <summary>
/// Where the first second of a fresh process goes: when the environment variable
/// <see cref="VariableName"/> names a file, each <see cref="Mark"/> records the milliseconds since the
/// process started (the OS start time, so the runtime's own start is included), and <see cref="Flush"/>
/// writes them as <c>phase\tms\tmethods jitted\tjit ms</c> lines (the JIT figures are cumulative, from <see cref="System.Runtime.JitInfo"/>: what ReadyToRun did not cover). <c>selfreview bench --startup</c> reads them from its child
/// processes. Off (one static bool read) when the variable is not set; only phase names, never content.
/// </summary>
public static class StartupPhases
{
    public const string VariableName = "SELFREVIEW_STARTUP_PHASES";

    private static readonly string? Target = Environment.GetEnvironmentVariable(VariableName);
    private static readonly List<(string Phase, double Ms, long Jitted, double JitMs)> Marks = [];
    private static readonly DateTime ProcessStart = Target is null ? default : Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private static readonly long Origin = Stopwatch.GetTimestamp();
    private static readonly double OriginMs = Target is null ? 0 : (DateTime.UtcNow - ProcessStart).TotalMilliseconds;

    public static bool Enabled => Target is not null;

    /// <summary>Records that <paramref name="phase"/> ended now.</summary>
    public static void Mark(string phase)
    {
        if (Target is null)
        {
            return;
        }

        var ms = OriginMs + Stopwatch.GetElapsedTime(Origin).TotalMilliseconds;
        lock (Marks)
        {
            Marks.Add((phase, ms, System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds));
        }
    }

    /// <summary>Writes the marks to the file named by the variable (once, at the end of the command).</summary>
    public static void Flush()
    {
        if (Target is null)
        {
            return;
        }

        Mark("exit");
        var text = new StringBuilder();
        lock (Marks)
        {
            foreach (var (phase, ms, jitted, jitMs) in Marks)
            {
                text.Append(CultureInfo.InvariantCulture, $"{phase}\t{ms:F2}\t{jitted}\t{jitMs:F2}\n");
            }
        }

        File.WriteAllText(Target, text.ToString());
    }
}
