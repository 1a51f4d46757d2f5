using SelfReview.Pipeline.Access;

namespace SelfReview.Api.Access;

/// <summary>One unit the caller may reach and the right it has there.</summary>
public sealed record UnitRight(string UnitId, AccessRight Right);
