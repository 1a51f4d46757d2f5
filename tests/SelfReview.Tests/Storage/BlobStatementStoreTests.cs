using SelfReview.Pipeline.Storage;
using SelfReview.Tests.Azurite;

namespace SelfReview.Tests.Storage;

/// <summary>The store contract on Blob Storage (Azurite), plus the blob layout itself.</summary>
[Collection(AzuriteTests.Name)]
public sealed class BlobStatementStoreTests(AzuriteFixture azurite) : StatementStoreContract, IAsyncLifetime
{
    private readonly BlobStatementStore _store = new(azurite.Blobs);

    protected override IStatementStore Store => _store;

    public Task InitializeAsync() => _store.CreateContainersAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Uploads_AreBlobsNamedUnitSlashFileName_WithTheirSha256AsMetadata()
    {
        var content = "内容"u8.ToArray();

        await _store.PutUploadAsync("u-blob", "乙.txt", content);

        var blob = azurite.Blobs.GetBlobContainerClient("statements").GetBlobClient("u-blob/乙.txt");
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(SelfReview.Pipeline.StatementProcessor.StatementIdOf(content), properties.Metadata[BlobStatementStore.Sha256Metadata]);
    }
}
