namespace SelfReview.Tests.Azurite;

/// <summary>The tests that share one Azurite; they run one after another (the app's queues are shared).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
