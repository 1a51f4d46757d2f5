namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>The language that shows an unheaded group's kind: problems, causes, measures.</summary>
public sealed record ContentCuesEntry(
    IReadOnlyList<EvidenceCueEntry> Problems,
    IReadOnlyList<EvidenceCueEntry> Causes,
    IReadOnlyList<EvidenceCueEntry> Measures,
    string? Comment = null);
