namespace SelfReview.Fixtures;

/// <summary>One problem, cause or measure of the corpus: its title clause and the sentences after it.</summary>
/// <param name="Title">The first clause, without the label and the full stop.</param>
/// <param name="Sentences">The sentences that follow it, each ending in its full stop.</param>
public sealed record PoolItem(string Title, IReadOnlyList<string> Sentences);
