namespace SelfReview.Tests.Access;

/// <summary>What a route asks of its caller.</summary>
public enum RouteNeed
{
    Nothing,
    SignedIn,
    Read,
    Edit,
    UnitAdministrator,
    Administrator,
}
