using SelfReview.Pipeline.Vocabulary.Files;

namespace SelfReview.Pipeline.Vocabulary;

/// <summary>The gate's evidence and numbers (gate.json).</summary>
public sealed record GateRules(
    IReadOnlyList<Cue> Statement,
    IReadOnlyList<Genre> Genres,
    IReadOnlyList<Cue> TeamFor,
    IReadOnlyList<Cue> TeamAgainst,
    double TeamThreshold,
    GateThresholdsEntry Thresholds,
    GateMessagesEntry Messages);
