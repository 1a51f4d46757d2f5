using System.Runtime.InteropServices;

namespace SelfReview.Cli.Evaluation;

/// <summary>
/// Processor time used by this process and by its child processes that have ended (getrusage(2),
/// RUSAGE_SELF and RUSAGE_CHILDREN): Tesseract's work is done in children, PP-OCR's in this process,
/// so the sum compares the engines' cost on a busy machine, where wall time mostly measures the others.
/// </summary>
public static class ProcessorTime
{
    private const int Self = 0;
    private const int Children = -1;

    public static TimeSpan Total()
    {
        if (!OperatingSystem.IsLinux())
        {
            return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        }

        return Used(Self) + Used(Children);
    }

    private static TimeSpan Used(int who)
    {
        var usage = new long[18]; // struct rusage on 64-bit Linux: two timevals, then 14 longs
        if (GetResourceUsage(who, usage) != 0)
        {
            return TimeSpan.Zero;
        }

        var microseconds = (usage[0] * 1_000_000) + usage[1] + (usage[2] * 1_000_000) + usage[3];
        return TimeSpan.FromMicroseconds(microseconds);
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which the project does not allow.
    [DllImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetResourceUsage(int who, [Out] long[] usage);
}
