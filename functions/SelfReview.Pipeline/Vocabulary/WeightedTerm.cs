namespace SelfReview.Pipeline.Vocabulary;

public sealed record WeightedTerm(string Term, double Weight);
