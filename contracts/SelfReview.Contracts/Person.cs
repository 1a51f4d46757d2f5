namespace SelfReview.Contracts;

/// <summary>A person named in a statement.</summary>
public sealed record Person(string Name, string? Position);
