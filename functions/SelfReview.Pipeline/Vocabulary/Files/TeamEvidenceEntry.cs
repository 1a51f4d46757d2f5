namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>Evidence for and against a 班子 (team) material, and the balance at which it is one.</summary>
public sealed record TeamEvidenceEntry(
    IReadOnlyList<EvidenceCueEntry> For,
    IReadOnlyList<EvidenceCueEntry> Against,
    double Threshold);
