namespace SelfReview.Pipeline.Vocabulary;

/// <summary>Where a piece of evidence is looked for.</summary>
public enum CueScope
{
    /// <summary>The whole text (match form).</summary>
    Text,

    /// <summary>The title only.</summary>
    Title,

    /// <summary>Each line on its own (patterns anchored with ^ and $).</summary>
    Line,

    /// <summary>The first few lines (salutations, openings).</summary>
    Opening,
}
