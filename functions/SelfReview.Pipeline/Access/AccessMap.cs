namespace SelfReview.Pipeline.Access;

/// <summary>
/// Who may see and change which unit (architecture.md <c>access/…</c>): grants of principals to units,
/// the administrators (every unit, and the map itself), the API keys (as salted hashes) and the people
/// who sign in with a password (as password hashes). One document, written with entity-tag conditions.
/// </summary>
public sealed record AccessMap(
    IReadOnlyList<AccessGrant> Grants,
    IReadOnlyList<string> Administrators,
    IReadOnlyList<ApiKeyEntry> Keys,
    IReadOnlyList<UserAccount> Users)
{
    public static AccessMap Empty { get; } = new([], [], [], []);

    /// <summary>No one has been given access yet: only the person at the machine itself may use serve.</summary>
    public bool HasNoCredentials => Keys.Count == 0 && Users.Count == 0;

    /// <summary>The map with <paramref name="grant"/> in place of the principal's previous grant.</summary>
    public AccessMap WithGrant(AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return this with { Grants = [.. Grants.Where(g => g.Principal != grant.Principal), grant] };
    }

    public AccessMap WithoutPrincipal(string principal) =>
        this with { Grants = [.. Grants.Where(g => g.Principal != principal)], Administrators = [.. Administrators.Where(a => a != principal)] };

    public AccessMap WithAdministrator(string principal, bool administrator) =>
        this with { Administrators = administrator ? [.. Administrators.Where(a => a != principal), principal] : [.. Administrators.Where(a => a != principal)] };

    public AccessMap WithKey(ApiKeyEntry key) => this with { Keys = [.. Keys.Where(k => k.Name != key.Name), key] };

    public AccessMap WithUser(UserAccount user) => this with { Users = [.. Users.Where(u => u.Name != user.Name), user] };

    public UserAccount? User(string name) => Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
}
