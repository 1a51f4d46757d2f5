namespace SelfReview.Api.Access;

/// <summary>The page's sign-in form.</summary>
public sealed record SignInRequest(string? Name, string? Password);
