using SelfReview.Pipeline.Access;

namespace SelfReview.Api.Access;

/// <summary>The body of <c>PUT /api/access/grants/{principal}</c>: the units (or <c>*</c>), the right, and whether an administrator.</summary>
public sealed record GrantRequest(IReadOnlyList<string>? Units, AccessRight? Right, bool Administrator = false);
