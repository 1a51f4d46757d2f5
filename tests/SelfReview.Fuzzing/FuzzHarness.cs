using System.Diagnostics;

namespace SelfReview.Fuzzing;

/// <summary>
/// Runs one input through a target and judges it: an escaped exception is a crash; using more CPU than
/// <see cref="FuzzBudgets.PerInput"/>, or not finishing within six times that (cancelled or not), a hang; producing more than the target's
/// budget, or allocating more than <see cref="FuzzBudgets.AllocatedBytes"/>, a broken budget.
/// A stack overflow or an out-of-memory that ends the process is caught one level up, by
/// <see cref="FuzzSupervisor"/>, from the input the worker saved before running it.
/// </summary>
public static class FuzzHarness
{
    /// <summary>How long past the budget a target that ignores cancellation is given before it is called stuck.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>Wall time allowed, in multiples of the CPU budget, before the run is cancelled.</summary>
    private const int WallFactor = 6;

    public static FuzzResult Execute(FuzzTarget target, ReadOnlyMemory<byte> input, out string signature, TimeSpan? perInput = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var limit = perInput ?? FuzzBudgets.PerInput;
        // The budget is CPU time: on a shared machine wall time says more about the neighbours than about
        // the input. Wall time gets a wide margin on top, past which the run is cancelled.
        var wall = limit * WallFactor;
        signature = "";
        using var cancellation = new CancellationTokenSource(wall);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = Task.Run(() => target.RunAsync(input, cancellation.Token));
        try
        {
            if (!run.Wait(wall + Grace))
            {
                // The code under test ignored its token and is still running: the process cannot get it back.
                return new FuzzResult(FuzzVerdict.Hang, $"still running after {wall + Grace:g} and ignoring cancellation");
            }
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException && cancellation.IsCancellationRequested)
        {
            return new FuzzResult(FuzzVerdict.Hang, $"cancelled after {wall:g}");
        }
        catch (AggregateException e) when (e.InnerException is Pipeline.Reading.LimitExceededException exceeded)
        {
            // A reader that stops at a budget throws this from deep inside a stream; the per-file boundary of
            // StatementProcessor turns it into a rejected record, so for a reader called alone it is a rejection.
            signature = "rejected:" + exceeded.Code;
            return FuzzResult.Ok;
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException ?? e;
            return new FuzzResult(FuzzVerdict.Crash, $"{inner.GetType().FullName}: {inner.Message}{Environment.NewLine}{inner.StackTrace}");
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var (produced, outcome) = run.Result;
        signature = outcome;
        if (cpu > limit)
        {
            return new FuzzResult(FuzzVerdict.Hang, $"took {cpu.TotalSeconds:0.0} s of CPU (budget {limit.TotalSeconds:0} s)");
        }

        var budget = target.Budget(input.Length);
        if (produced > budget)
        {
            return new FuzzResult(FuzzVerdict.Budget, $"produced {produced:N0} (budget {budget:N0} for {input.Length:N0} input bytes)");
        }

        return allocated > FuzzBudgets.AllocatedBytes
            ? new FuzzResult(FuzzVerdict.Budget, $"allocated {allocated / (1 << 20):N0} MB (budget {FuzzBudgets.AllocatedBytes / (1 << 20):N0} MB)")
            : FuzzResult.Ok;
    }
}
