namespace SelfReview.Tests.Access;

/// <summary>The callers of the access matrix.</summary>
public enum CallerKind
{
    Anonymous,
    WrongCredential,
    OtherUnit,
    ReadOnly,
    Edit,
    Admin,
}
