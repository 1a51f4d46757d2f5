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
}
