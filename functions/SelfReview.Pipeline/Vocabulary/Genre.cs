namespace SelfReview.Pipeline.Vocabulary;

/// <summary>A genre other than a statement, the evidence for it and the score at which a text is taken for it.</summary>
public sealed record Genre(string Kind, string Label, double Threshold, IReadOnlyList<Cue> Cues);
