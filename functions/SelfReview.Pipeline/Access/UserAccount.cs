namespace SelfReview.Pipeline.Access;

/// <summary>
/// A person who signs in on <c>selfreview serve</c> with a name and password: the password only as
/// ASP.NET Core Identity's hash (PBKDF2 with a salt), and the lock-out state after failed sign-ins.
/// </summary>
public sealed record UserAccount(string Name, string PasswordHash, int FailedSignIns, DateTimeOffset? LockedUntil);
