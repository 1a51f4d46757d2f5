namespace SelfReview.Pipeline.Vocabulary;

public sealed record FrameworkDefinition(string Id, string Name, IReadOnlyList<string> TitleWords, IReadOnlyList<string> Aspects, int? MeetingYear = null);
