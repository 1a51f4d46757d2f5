namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>Another genre (speech, news report, guide …): the evidence for it and the score at which it is taken for that genre.</summary>
public sealed record GenreEntry(
    string Kind,
    string Label,
    double Threshold,
    IReadOnlyList<EvidenceCueEntry> Cues);
