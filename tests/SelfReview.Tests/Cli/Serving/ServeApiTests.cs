using SelfReview.Tests.Api;

namespace SelfReview.Tests.Cli.Serving;

/// <summary>The endpoint suite against <c>selfreview serve</c> on Kestrel, over HTTP on a loopback port.</summary>
[Trait("Category", "Integration")]
public sealed class ServeApiTests : ApiContract
{
    protected override async Task<IApiHost> StartAsync() => await ServeHost.StartAsync();
}
