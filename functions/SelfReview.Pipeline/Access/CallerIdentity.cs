namespace SelfReview.Pipeline.Access;

/// <summary>
/// Who is calling, as a host has established it (an API key, a password session, Entra ID through App
/// Service authentication, or the person at a loopback-only serve).
/// </summary>
/// <param name="Id">The principal that acts (<c>user:NAME</c>, <c>key:NAME</c>, <c>entra:OID</c>), written in the audit.</param>
/// <param name="Principals">Every principal the map may name for this caller: <paramref name="Id"/> and its groups.</param>
/// <param name="Administrator">Holds the administrator role from the identity provider (or is the local owner).</param>
/// <param name="MaxRight">A cap on every right (an app role that only reads), or null.</param>
/// <param name="Ambient">
/// The credential travels by itself with every browser request (a cookie, or none on loopback), so a
/// change needs proof that the page itself sent it (CSRF); false for bearer credentials.
/// </param>
public sealed record CallerIdentity(string Id, IReadOnlyList<string> Principals, bool Administrator, AccessRight? MaxRight, bool Ambient);
