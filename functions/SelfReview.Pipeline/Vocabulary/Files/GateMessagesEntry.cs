namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>The gate's user-facing sentences ({0} is the genre's label, {1} a confidence).</summary>
public sealed record GateMessagesEntry(
    string OtherGenre,
    string NoContent,
    string Uncertain);
