using SelfReview.Pipeline.Storage;
using SelfReview.Tests.Functions;

namespace SelfReview.Tests.Api;

/// <summary>One host of the API, as the endpoint suite drives it: the Functions app's classes, or <c>selfreview serve</c> over HTTP.</summary>
public interface IApiHost : IAsyncDisposable
{
    IStatementStore Store { get; }

    /// <summary>
    /// One request. <paramref name="announceLength"/> false sends the body without announcing its length
    /// (chunked over HTTP); the headers may name any request header.
    /// </summary>
    Task<ApiResponse> SendAsync(string method, string pathAndQuery, byte[]? body = null, IReadOnlyDictionary<string, string>? headers = null, bool announceLength = true);

    /// <summary>Returns once every upload of the unit has its record and the unit's reports reflect them all.</summary>
    Task ProcessAsync(string unitId);
}
