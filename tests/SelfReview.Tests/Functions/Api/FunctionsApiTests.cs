using SelfReview.Tests.Api;
using SelfReview.Tests.Azurite;

namespace SelfReview.Tests.Functions.Api;

/// <summary>The endpoint suite against the Functions app's HTTP functions on Azurite, routed as the host routes them.</summary>
[Collection(AzuriteTests.Name)]
[Trait("Category", "Integration")]
public sealed class FunctionsApiTests(AzuriteFixture azurite) : ApiContract
{
    protected override async Task<IApiHost> StartAsync() => new FunctionsApiHost(await FunctionsApp.StartAsync(azurite));
}
