namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>One framework.</summary>
public sealed record FrameworkEntry(
    string Id,
    string Name,
    IReadOnlyList<string> TitleWords,
    IReadOnlyList<string> Aspects,
    int? MeetingYear = null);
