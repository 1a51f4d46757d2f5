namespace SelfReview.Tests.Access;

/// <summary>A host of the API for the access matrix: serve over HTTP, or the Functions app's classes.</summary>
public interface IApiHost : IAsyncDisposable
{
    /// <summary>The unit every caller but <see cref="CallerKind.OtherUnit"/> is granted.</summary>
    string Unit { get; }

    IReadOnlyDictionary<string, string> HeadersOf(CallerKind caller);

    Task<(int Status, string Body)> SendAsync(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, byte[]? body);
}
