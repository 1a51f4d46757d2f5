using SelfReview.Tests.Azurite;

namespace SelfReview.Tests.Access;

/// <summary>The access matrix (every route × every caller) against serve over HTTP and against the Functions app.</summary>
[Collection(AzuriteTests.Name)]
[Trait("Category", "Integration")]
public sealed class AccessMatrixTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Serve_AnswersEveryRouteAndCaller_AsTheMatrixSays()
    {
        await using var host = await ServeHost.StartAsync();

        Assert.Empty(await AccessMatrix.RunAsync(host));
    }

    [Fact]
    public async Task FunctionsApp_AnswersEveryRouteAndCaller_AsTheMatrixSays()
    {
        await using var host = await FunctionsHost.StartAsync(azurite);

        Assert.Empty(await AccessMatrix.RunAsync(host));
    }
}
