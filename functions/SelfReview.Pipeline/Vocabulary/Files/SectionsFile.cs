namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>sections.json: section headings by kind and the sentences that open or close a part without a heading.</summary>
public sealed record SectionsFile(
    IReadOnlyList<SectionKindEntry> Kinds,
    IReadOnlyList<string> UnheadedCauses,
    IReadOnlyList<string> UnheadedMeasures,
    IReadOnlyList<string> Closing,
    IReadOnlyList<string> AuthorLine,
    ContentCuesEntry ContentCues,
    HeadingRulesEntry Headings,
    string? Comment = null);
