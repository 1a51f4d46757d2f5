namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>The title block reader's numbers.</summary>
public sealed record TitleBlockLimitsEntry(
    int TitleMaxLength,
    int TitleMinLength,
    int ShortTitleLength,
    int HeaderWindow,
    int SignatureWindow,
    int AuthorLineMaxLength,
    int AnnualYearOffset);
