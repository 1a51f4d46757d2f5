using System.Text.RegularExpressions;

namespace SelfReview.Pipeline.Vocabulary;

/// <summary>One piece of evidence: each occurrence of <paramref name="Pattern"/> adds <paramref name="Weight"/>, up to <paramref name="Max"/> occurrences.</summary>
public sealed record Cue(Regex Pattern, double Weight, int Max, CueScope Scope)
{
    /// <summary>What the cue adds for a text with this many occurrences.</summary>
    public double Score(int occurrences) => Weight * Math.Min(occurrences, Max);
}
