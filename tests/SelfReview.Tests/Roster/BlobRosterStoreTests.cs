using SelfReview.Pipeline.Storage;
using SelfReview.Tests.Azurite;

namespace SelfReview.Tests.Roster;

/// <summary>The roster contract over Blob Storage (Azurite): ETag-conditioned writes are the service's own.</summary>
[Collection(AzuriteTests.Name)]
[Trait("Category", "Integration")]
public sealed class BlobRosterStoreTests(AzuriteFixture azurite) : RosterStoreContract, IAsyncLifetime
{
    private readonly BlobStatementStore _store = new(azurite.Blobs);

    protected override IStatementStore Store => _store;

    public Task InitializeAsync() => _store.CreateContainersAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
