namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>How a line is told to be a section heading (sections.json "headings").</summary>
public sealed record HeadingRulesEntry(
    string SentenceCues,
    string ShortfallHeading,
    string AspectSuffix,
    string AspectItemSuffix,
    IReadOnlyList<string> InlineHeadingFamilies,
    int SectionHeadingMaxLength,
    int HeadingMaxLength,
    int LeadHeadingMaxLength,
    int UnknownHeadingMaxLength,
    int SectionOutlineLevel,
    string? Comment = null);
