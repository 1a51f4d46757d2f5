using SelfReview.Pipeline.Access;

namespace SelfReview.Api.Access;

/// <summary>The access map as administrators see it: grants, administrators, key names and user names — never a hash.</summary>
public sealed record AccessView(IReadOnlyList<AccessGrant> Grants, IReadOnlyList<string> Administrators, IReadOnlyList<CredentialInfo> Keys, IReadOnlyList<CredentialInfo> Users);
