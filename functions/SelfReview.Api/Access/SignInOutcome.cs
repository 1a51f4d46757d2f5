namespace SelfReview.Api.Access;

/// <summary>The outcome of a password sign-in.</summary>
public enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
}
