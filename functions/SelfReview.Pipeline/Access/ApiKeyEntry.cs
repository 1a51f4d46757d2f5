namespace SelfReview.Pipeline.Access;

/// <summary>An API key as stored: its name, a random salt and the SHA-256 of salt and key (never the key).</summary>
public sealed record ApiKeyEntry(string Name, string Salt, string Hash, DateTimeOffset CreatedAt);
