using System.Globalization;

namespace SelfReview.Cli.Evaluation;

/// <summary>
/// The peak resident memory of this process and its child processes (tesseract and pdftoppm run as
/// children), sampled every few milliseconds from /proc while a measurement runs; on systems without
/// /proc, this process's working set alone.
/// </summary>
public sealed class ProcessTreeMemory : IAsyncDisposable
{
    private static readonly long PageSize = Environment.SystemPageSize;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public ProcessTreeMemory() => _sampling = Task.Run(SampleAsync);

    /// <summary>The largest total seen so far, in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    public static long CurrentBytes()
    {
        var self = Environment.ProcessId;
        if (!Directory.Exists("/proc/self"))
        {
            return Environment.WorkingSet;
        }

        var total = Resident(self);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != self && Parent(pid) == self)
            {
                total += Resident(pid);
            }
        }

        return total;
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = CurrentBytes();
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // /proc/PID/statm: size resident shared … in pages.
    private static long Resident(int pid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * PageSize;
        }
        catch (IOException)
        {
            return 0; // the process ended between listing and reading
        }
    }

    // /proc/PID/stat: pid (comm) state ppid …; the command name may contain spaces, so read after the last ')'.
    private static int Parent(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(rest[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return -1;
        }
    }
}
