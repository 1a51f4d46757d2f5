using SelfReview.Cli.Commands;

namespace SelfReview.Tests.Cli;

/// <summary>The accuracy floors of the parser issue, measured on the committed corpus (text and .docx).</summary>
public sealed class CorpusAccuracyTests
{
    [Fact]
    public async Task Eval_KeepsTheAccuracyFloors_OnTheCorpus()
    {
        var result = await EvalCommand.EvaluateFolderAsync(Engine.Services, TestFiles.Corpus, outDir: null);
        var report = EvalCommand.Report(result);

        Assert.True(result.Statements >= 70, report);
        Assert.True(result.NonStatements >= 16, report);
        foreach (var kind in result.Kinds)
        {
            Assert.True(kind.F1 >= 0.97, $"{kind.Kind} F1 {kind.F1:0.000}\n{report}");
        }

        Assert.True(result.SectionsExact == result.Statements, report);
        Assert.True(result.CategoryAccuracy >= 0.9, report);
        Assert.True(result.DeadlineAccuracy >= 0.95, report);
        Assert.True(result.NonStatementsRejected == result.NonStatements, report);
    }

    /// <summary>
    /// The second corpus was written after the parser was tuned on the first, to measure it on unseen
    /// statements (first run: F1 0.972 / 0.939 / 0.896, categories 0.863); fixes since then keep these floors.
    /// </summary>
    [Fact]
    public async Task Eval_KeepsTheAccuracyFloors_OnTheSecondCorpus()
    {
        var result = await EvalCommand.EvaluateFolderAsync(Engine.Services, Path.Combine(TestFiles.Corpus, "heldout"), outDir: null);
        var report = EvalCommand.Report(result);

        Assert.True(result.Statements >= 24, report);
        Assert.All(result.Kinds, kind => Assert.True(kind.F1 >= 0.97, $"{kind.Kind} F1 {kind.F1:0.000}\n{report}"));
        Assert.True(result.SectionsExact == result.Statements, report);
        Assert.True(result.CategoryAccuracy >= 0.88, report);
        Assert.True(result.DeadlineAccuracy >= 0.95, report);
        Assert.True(result.NonStatementsRejected == result.NonStatements, report);
    }
}
