namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>titleblock.json: how the title, the author (name and position), the meeting year and a closing signature are written.</summary>
public sealed record TitleBlockFile(
    IReadOnlyList<string> NotAuthors,
    string PositionNoise,
    IReadOnlyList<string> AuthorLines,
    IReadOnlyList<string> Signatures,
    IReadOnlyList<string> TitleAuthors,
    IReadOnlyList<string> RoleLabels,
    IReadOnlyList<string> HeaderLeftovers,
    string DateLine,
    string DateParts,
    string MeetingYear,
    string TitleWords,
    string TitleKindWords,
    TitleBlockLimitsEntry Limits,
    string? Comment = null);
