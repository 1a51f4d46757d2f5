using SelfReview.Fuzzing;

namespace SelfReview.Tests.Fuzzing;

public sealed class FuzzHarnessTests
{
    private static FuzzTarget Target(Func<ReadOnlyMemory<byte>, CancellationToken, Task<(long, string)>> run, long budget = 100) =>
        new("test", run, _ => budget);

    [Fact]
    public void Execute_IsOk_WhenTheTargetReturnsWithinItsBudget()
    {
        var result = FuzzHarness.Execute(Target((b, _) => Task.FromResult((50L, "read"))), new byte[10], out var signature);

        Assert.Equal((FuzzVerdict.Ok, "read"), (result.Verdict, signature));
    }

    [Fact]
    public void Execute_IsACrash_WhenAnExceptionEscapes()
    {
        var result = FuzzHarness.Execute(Target((_, _) => throw new InvalidOperationException("boom")), new byte[] { 1 }, out _);

        Assert.Equal(FuzzVerdict.Crash, result.Verdict);
        Assert.StartsWith("System.InvalidOperationException: boom", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_IsAHang_WhenTheTargetRunsPastThePerInputTime()
    {
        var result = FuzzHarness.Execute(
            Target(async (_, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
                return (0L, "");
            }),
            new byte[] { 1 },
            out _,
            TimeSpan.FromMilliseconds(200));

        Assert.Equal(FuzzVerdict.Hang, result.Verdict);
    }

    [Fact]
    public void Execute_BreaksTheBudget_WhenTheTargetProducesMoreThanItsInputAllows()
    {
        var result = FuzzHarness.Execute(Target((_, _) => Task.FromResult((101L, "read"))), new byte[] { 1 }, out _);

        Assert.Equal(FuzzVerdict.Budget, result.Verdict);
        Assert.Contains("produced 101", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutate_KeepsAPackageAZip_AndIsTheSameForTheSameSeed()
    {
        var docx = File.ReadAllBytes(TestFiles.SeedDocx);

        var a = new Mutator(new Random(7));
        var b = new Mutator(new Random(7));
        var mutantsA = Enumerable.Range(0, 50).Select(_ => a.Mutate(docx, [docx])).ToList();
        var mutantsB = Enumerable.Range(0, 50).Select(_ => b.Mutate(docx, [docx])).ToList();

        Assert.Equal(mutantsA, mutantsB);
        Assert.Contains(mutantsA, m => m.Length > 4 && m[0] == 'P' && m[1] == 'K' && !m.SequenceEqual(docx));
    }
}
