namespace SelfReview.Api.Access;

/// <summary>Who the caller is (<c>user:NAME</c>, <c>key:NAME</c>, <c>entra:OID</c>, <c>local:owner</c>), whether an administrator, and the units it may reach.</summary>
public sealed record SessionInfo(string Caller, bool Administrator, IReadOnlyList<UnitRight> Units);
