using SelfReview.Cli.Commands;
using SelfReview.Cli.Evaluation;

namespace SelfReview.Tests.Cli;

/// <summary>The accuracy floors of the parser issues, measured on the committed corpora (text and .docx).</summary>
public sealed class CorpusAccuracyTests
{
    /// <summary>The first corpus (001–199), written while the parser was first built.</summary>
    [Fact]
    public async Task Eval_KeepsTheAccuracyFloors_OnTheCorpus()
    {
        var result = await EvalCommand.EvaluateFolderAsync(Engine.Services, TestFiles.Corpus, outDir: null, new CorpusRange(1, 199));
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
        Assert.Equal(result.TeamMarked.Total, result.TeamMarked.Hits);
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

    /// <summary>
    /// The issue-11 corpus (201–252, text and .docx with every level in Word numbering): statements as other
    /// people write them — no headings, fragments, older campaigns, staff, 班子 materials, decoys — and the
    /// genres a gate must turn away. First run, before any fix (52 .txt): F1 0.865 / 0.724 / 0.821, 2 of 42
    /// statements rejected, team 8 of 12, non-statements 7 of 10, authors 0 of 26; the .docx scored the same.
    /// </summary>
    [Fact]
    public async Task Eval_KeepsTheIssueFloors_OnTheRealStyleCorpus()
    {
        var result = await EvalCommand.EvaluateFolderAsync(Engine.Services, TestFiles.Corpus, outDir: null, new CorpusRange(201, 299));
        var report = EvalCommand.Report(result);

        Assert.True(result.Statements >= 80, report);
        Assert.True(result.NonStatements >= 20, report);
        Assert.True(result["problems"].F1 >= 0.97, report);
        Assert.True(result["causes"].F1 >= 0.95, report);
        Assert.True(result["measures"].F1 >= 0.97, report);
        Assert.True(result.StatementsAccepted.Hits == result.StatementsAccepted.Total, report);
        Assert.True(result.NonStatementsRejected == result.NonStatements, report);
        Assert.True(result.TeamMarked.Rate >= 0.9, report);
        Assert.True(result.PersonalKept.Hits == result.PersonalKept.Total, report);
        Assert.True(result.AuthorFound.Rate >= 0.95, report);
        Assert.True(result.PositionFound.Rate >= 0.9, report);
        Assert.True(result.MeetingYearFound.Rate >= 0.9, report);
        Assert.True(result.CategoryAccuracy >= 0.92, report);
        Assert.True(result.DeadlineAccuracy >= 0.95, report);
        Assert.True(result.SectionsExactRate >= 0.95, report);
    }

    /// <summary>
    /// The third corpus was written by a helper that never read the parser, and scored once before any fix
    /// (F1 0.906 / 0.933 / 0.947, 24 of 26 statements accepted, team 6/7, authors 2/14); it was not tuned on.
    /// These floors keep what the redesign reached on it (0.979 / 1.000 / 0.995, 26/26, 7/7, 12/14). Its
    /// gold counts a frequency (每季度) as no deadline where the engine reads a recurring one, so deadline
    /// presence is not held here; one of its six non-statements (a review note on drafts) is still accepted.
    /// </summary>
    [Fact]
    public async Task Eval_KeepsTheFloors_OnTheBlindCorpus()
    {
        var result = await EvalCommand.EvaluateFolderAsync(Engine.Services, Path.Combine(TestFiles.Corpus, "heldout2"), outDir: null);
        var report = EvalCommand.Report(result);

        Assert.True(result.Statements >= 26, report);
        Assert.All(result.Kinds, kind => Assert.True(kind.F1 >= 0.97, $"{kind.Kind} F1 {kind.F1:0.000}\n{report}"));
        Assert.True(result.StatementsAccepted.Hits == result.StatementsAccepted.Total, report);
        Assert.True(result.TeamMarked.Hits == result.TeamMarked.Total, report);
        Assert.True(result.AuthorFound.Hits >= 12, report);
        Assert.True(result.NonStatementsRejected >= 5, report);
        Assert.True(result.CategoryAccuracy >= 0.84, report);
    }
}
