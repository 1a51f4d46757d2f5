namespace SelfReview.Cli.Evaluation;

/// <summary>The scores of a corpus run, and what was missed.</summary>
public sealed record EvalResult(
    IReadOnlyList<KindScore> Kinds,
    int Statements,
    int SectionsExact,
    int CategoryMatched,
    int CategoryCorrect,
    int DeadlineMatched,
    int DeadlineCorrect,
    int NonStatements,
    int NonStatementsRejected,
    IReadOnlyList<string> Misses)
{
    public KindScore this[string kind] => Kinds.Single(k => k.Kind == kind);
    public double SectionsExactRate => Statements == 0 ? 1 : (double)SectionsExact / Statements;
    public double CategoryAccuracy => CategoryMatched == 0 ? 1 : (double)CategoryCorrect / CategoryMatched;
    public double DeadlineAccuracy => DeadlineMatched == 0 ? 1 : (double)DeadlineCorrect / DeadlineMatched;
}
