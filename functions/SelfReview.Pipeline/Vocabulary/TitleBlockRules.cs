using System.Text.RegularExpressions;
using SelfReview.Pipeline.Vocabulary.Files;

namespace SelfReview.Pipeline.Vocabulary;

/// <summary>How titles, author lines, signatures and salutations are written (titleblock.json).</summary>
public sealed record TitleBlockRules(
    IReadOnlyList<Regex> NotAuthors,
    Regex PositionNoise,
    IReadOnlyList<Regex> AuthorLines,
    IReadOnlyList<Regex> Signatures,
    IReadOnlyList<Regex> TitleAuthors,
    IReadOnlyList<string> RoleLabels,
    IReadOnlyList<Regex> HeaderLeftovers,
    Regex DateLine,
    Regex DateParts,
    Regex MeetingYear,
    Regex TitleWords,
    Regex TitleKindWords,
    TitleBlockLimitsEntry Limits);
