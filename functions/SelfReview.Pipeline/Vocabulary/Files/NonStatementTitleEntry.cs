namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>A title that names another genre.</summary>
public sealed record NonStatementTitleEntry(
    string Kind,
    string Label,
    string Pattern);
