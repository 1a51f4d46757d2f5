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

    /// <summary>Statements accepted (a statement rejected is the worst outcome for an office).</summary>
    public Tally StatementsAccepted { get; init; } = Tally.None;

    /// <summary>Gold 班子 materials (statement_kind "team") accepted as team.</summary>
    public Tally TeamMarked { get; init; } = Tally.None;

    /// <summary>Gold personal statements (statement_kind "personal") not marked team.</summary>
    public Tally PersonalKept { get; init; } = Tally.None;

    /// <summary>Gold authors found: the record's author name equals the gold name after trimming.</summary>
    public Tally AuthorFound { get; init; } = Tally.None;

    /// <summary>Gold positions found, the same way.</summary>
    public Tally PositionFound { get; init; } = Tally.None;

    /// <summary>Gold meeting years found.</summary>
    public Tally MeetingYearFound { get; init; } = Tally.None;
}
