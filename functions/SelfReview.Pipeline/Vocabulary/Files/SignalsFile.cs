namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>signals.json: what tells a statement from other documents, and the cue words of each part.</summary>
public sealed record SignalsFile(
    IReadOnlyList<string> StatementTitle,
    IReadOnlyList<string> TeamTitle,
    IReadOnlyList<NonStatementTitleEntry> NonStatementTitle,
    IReadOnlyList<string> FirstPerson,
    IReadOnlyList<string> DomainTerms,
    IReadOnlyList<string> ThirdPersonNarration,
    IReadOnlyList<string> ProblemCues,
    IReadOnlyList<string> MeasureCues,
    IReadOnlyList<string> CauseCues,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ProblemSources,
    string? Comment = null);
