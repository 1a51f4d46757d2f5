using SelfReview.Pipeline.Storage;

namespace SelfReview.Tests.Roster;

/// <summary>The roster contract over the folder tree.</summary>
public sealed class FolderRosterStoreTests : RosterStoreContract, IDisposable
{
    private readonly string _root;
    private readonly FolderStatementStore _store;

    public FolderRosterStoreTests()
    {
        _root = Directory.CreateTempSubdirectory("selfreview-roster-").FullName;
        _store = new FolderStatementStore(_root);
    }

    protected override IStatementStore Store => _store;

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
