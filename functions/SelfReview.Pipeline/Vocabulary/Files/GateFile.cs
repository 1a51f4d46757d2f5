namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>gate.json: the evidence the gate weighs — for a statement, for each other genre, for a team material — and its thresholds and messages.</summary>
public sealed record GateFile(
    IReadOnlyList<EvidenceCueEntry> Statement,
    IReadOnlyList<GenreEntry> Genres,
    TeamEvidenceEntry Team,
    GateThresholdsEntry Thresholds,
    GateMessagesEntry Messages,
    string? Comment = null);
