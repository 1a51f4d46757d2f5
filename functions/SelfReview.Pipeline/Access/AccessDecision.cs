namespace SelfReview.Pipeline.Access;

/// <summary>The outcome of an access check: allowed, no (valid) credential (401), or not this unit or right (403).</summary>
public enum AccessDecision
{
    Allowed,
    Unauthenticated,
    Forbidden,
}
