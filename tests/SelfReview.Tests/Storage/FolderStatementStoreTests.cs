using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Storage;

/// <summary>The store contract on the folder tree, plus what only a folder can show: the layout on disk.</summary>
public sealed class FolderStatementStoreTests : StatementStoreContract, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("selfreview-store-").FullName;
    private readonly FolderStatementStore _store;

    public FolderStatementStoreTests() => _store = new FolderStatementStore(_root);

    protected override IStatementStore Store => _store;

    [Fact]
    public async Task Files_LandInTheLayoutOfTheBlobContainers()
    {
        await _store.PutUploadAsync("u1", "甲.txt", "x"u8.ToArray());
        await _store.PutReportAsync("u1", "summary.json", "application/json", "{}"u8.ToArray(), WriteCondition.Always);

        Assert.True(File.Exists(Path.Combine(_root, "statements", "u1", "甲.txt")));
        Assert.True(File.Exists(Path.Combine(_root, "reports", "u1", "summary.json")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, ".staging")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
