using SelfReview.Contracts;

namespace SelfReview.Pipeline.Vocabulary;

public sealed record CategoryLexicon(CategoryCode Code, IReadOnlyList<WeightedTerm> Terms);
