namespace SelfReview.Api.Access;

/// <summary>A key or a user by name; for users whether the account is locked out now.</summary>
public sealed record CredentialInfo(string Name, DateTimeOffset? CreatedAt, bool Locked);
