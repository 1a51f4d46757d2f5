namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>How items that run together inside one paragraph are split (enumerators.json "inline").</summary>
public sealed record InlineRulesEntry(
    string SentenceEnds,
    string LeadEnds,
    int ShortLeadLength,
    int AspectLeadLength,
    string AspectLeadSuffix,
    int LeadInLength,
    string SequenceFamily,
    string SequenceSecondWord,
    int LastWordOrdinal,
    string? Comment = null);
