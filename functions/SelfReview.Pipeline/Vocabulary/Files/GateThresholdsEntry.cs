namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>The gate's numbers.</summary>
public sealed record GateThresholdsEntry(
    double PartWeight,
    double ItemWeight,
    int ItemCap,
    double RejectMargin,
    double ReviewBelow,
    double ConfidencePrior);
