using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SelfReview.Pipeline.Access;

namespace SelfReview.Api.Access;

/// <summary>
/// Name-and-password sign-in for serve: ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, 100,000 iterations, 128-bit salt, format v3), and a lock-out after
/// <see cref="AccessOptions.MaxFailedSignIns"/> failures in a row, kept in the access map so a restart
/// does not reset it. An unknown name costs a hash verification too, so timing does not tell names apart.
/// </summary>
public sealed class PasswordSignIn(AccessMapEditor editor, IAccessStore store, IOptions<AccessOptions> options, TimeProvider time)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(new UserAccount("", "", 0, null), "no such user");

    public static string Hash(string password) => Hasher.HashPassword(new UserAccount("", "", 0, null), password);

    public async Task<SignInOutcome> SignInAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var now = time.GetUtcNow();
        var user = (await store.GetMapAsync(cancellationToken)).Map.User(name);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(new UserAccount("", "", 0, null), DummyHash, password);
            return SignInOutcome.Failed;
        }

        if (user.LockedUntil is { } until && until > now)
        {
            return SignInOutcome.LockedOut;
        }

        var verified = Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        var settings = options.Value;
        await editor.UpdateAsync(
            map => map.User(name) is not { } current ? map
                : verified ? (current.FailedSignIns == 0 && current.LockedUntil is null ? map : map.WithUser(current with { FailedSignIns = 0, LockedUntil = null }))
                : current.FailedSignIns + 1 >= settings.MaxFailedSignIns
                    ? map.WithUser(current with { FailedSignIns = 0, LockedUntil = now.AddMinutes(settings.LockoutMinutes) })
                    : map.WithUser(current with { FailedSignIns = current.FailedSignIns + 1, LockedUntil = null }),
            cancellationToken);
        return verified ? SignInOutcome.SignedIn : SignInOutcome.Failed;
    }
}
