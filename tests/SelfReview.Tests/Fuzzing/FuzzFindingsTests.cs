using SelfReview.Fuzzing;

namespace SelfReview.Tests.Fuzzing;

/// <summary>
/// Every committed seed and every fuzzing finding (tests/SelfReview.Fuzzing/Findings), replayed through
/// its harness: each must end read or rejected, within the time and output budgets. A finding is
/// committed with the fix that makes it pass here.
/// </summary>
public sealed class FuzzFindingsTests
{
    private static readonly Lazy<FuzzTargets> Targets = new(() => new FuzzTargets());

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in Targets.Value.All)
        {
            foreach (var file in FuzzCorpus.Files(target.Name))
            {
                data.Add(target.Name, Path.GetRelativePath(AppContext.BaseDirectory, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CommittedInput_EndsReadOrRejected_WithinTheBudgets(string target, string file)
    {
        var result = FuzzHarness.Execute(Targets.Value[target], File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file)), out _);

        Assert.False(result.IsFinding, result.ToString());
    }

    [Fact]
    public void EveryTarget_HasSeeds_AndTheFindingsOfEarlierRunsAreKept()
    {
        Assert.Equal(["docx", "pdf", "image", "text", "processor"], Targets.Value.All.Select(t => t.Name));
        Assert.All(Targets.Value.All, t => Assert.NotEmpty(Directory.GetFiles(FuzzCorpus.SeedFolder(t.Name))));
        Assert.Contains(FuzzCorpus.Files("docx"), f => Path.GetFileName(f).StartsWith("died-", StringComparison.Ordinal));
        Assert.Contains(FuzzCorpus.Files("pdf"), f => Path.GetFileName(f).StartsWith("crash-", StringComparison.Ordinal));
    }
}
