using System.Collections.Concurrent;
using System.Security.Cryptography;
using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// The store over a folder tree with the same names as Blob Storage:
/// <c>{root}/statements/{unitId}/{fileName}</c>, <c>{root}/records/{unitId}/{statementId}.json</c>,
/// <c>{root}/reports/{unitId}/{name}</c>. The entity tag is a hash of the content. Files are replaced by
/// rename, so a reader never sees half a file. "If none exists" holds across processes (an exclusive
/// rename); "if it still matches" holds within this process, which is what one machine needs.
/// </summary>
public sealed class FolderStatementStore(string root) : IStatementStore
{
    private readonly string _root = Path.GetFullPath(root);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public string Root => _root;

    public Task<IReadOnlyList<string>> ListUnitsAsync(CancellationToken cancellationToken = default)
    {
        var units = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var container in new[] { StorageLayout.StatementsContainer, StorageLayout.RecordsContainer })
        {
            var folder = new DirectoryInfo(Path.Combine(_root, container));
            if (folder.Exists)
            {
                units.UnionWith(folder.EnumerateDirectories().Select(d => d.Name).Where(StorageLayout.IsValidUnitId));
            }
        }

        return Task.FromResult<IReadOnlyList<string>>([.. units]);
    }

    public async Task<string?> PutUploadAsync(string unitId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, fileName: fileName);
        return await WriteAsync(PathOf(StorageLayout.StatementsContainer, unitId, fileName), content, WriteCondition.IfNoneExists, cancellationToken);
    }

    public async Task<StoredFile?> GetUploadAsync(string unitId, string fileName, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, fileName: fileName);
        return await ReadAsync(PathOf(StorageLayout.StatementsContainer, unitId, fileName), fileName, c => FormatSniffer.Detect(c).MediaType, cancellationToken);
    }

    public async Task<IReadOnlyList<StoreEntry>> ListUploadsAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        return await ListAsync(StorageLayout.StatementsContainer, unitId, withSha256: true, cancellationToken);
    }

    public async Task<string> PutRecordAsync(StatementRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        StorageLayout.Check(record.UnitId, statementId: record.StatementId);
        var path = PathOf(StorageLayout.RecordsContainer, record.UnitId, StorageLayout.RecordName(record.StatementId));
        return (await WriteAsync(path, SelfReviewJson.Serialize(record, SelfReviewJson.Record), WriteCondition.Always, cancellationToken))!;
    }

    public async Task<StoredRecord?> GetRecordAsync(string unitId, string statementId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, statementId: statementId);
        var name = StorageLayout.RecordName(statementId);
        return await ReadAsync(PathOf(StorageLayout.RecordsContainer, unitId, name), name, _ => "application/json", cancellationToken) is { } file
            ? new StoredRecord(SelfReviewJson.Deserialize(file.Content, SelfReviewJson.Record), file.ETag, file.LastModified)
            : null;
    }

    public async Task<IReadOnlyList<StoreEntry>> ListRecordsAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        var entries = await ListAsync(StorageLayout.RecordsContainer, unitId, withSha256: false, cancellationToken);
        return [.. entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).Select(e => e with { Name = e.Name[..^".json".Length] })];
    }

    public Task<IReadOnlyList<string>> ListRecordIdsAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        var folder = new DirectoryInfo(Path.Combine(_root, StorageLayout.RecordsContainer, unitId));
        IReadOnlyList<string> ids = folder.Exists
            ? [.. folder.EnumerateFiles("*.json").Select(f => f.Name[..^".json".Length]).Where(StorageLayout.IsValidStatementId).Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(ids);
    }

    public async Task<StoredFile?> GetStatusIndexAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        return await ReadAsync(StatusIndexPath(unitId), StorageLayout.StatusIndexName, _ => "application/json", cancellationToken);
    }

    public Task<string?> PutStatusIndexAsync(string unitId, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        ArgumentNullException.ThrowIfNull(condition);
        return WriteAsync(StatusIndexPath(unitId), content, condition, cancellationToken);
    }

    private string StatusIndexPath(string unitId) =>
        PathOf(StorageLayout.RecordsContainer, unitId, StorageLayout.StatusIndexName.Replace('/', Path.DirectorySeparatorChar));

    public Task<string?> PutReportAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, reportName: name);
        ArgumentNullException.ThrowIfNull(condition);
        return WriteAsync(PathOf(StorageLayout.ReportsContainer, unitId, name), content, condition, cancellationToken);
    }

    public async Task<StoredFile?> GetReportAsync(string unitId, string name, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, reportName: name);
        return await ReadAsync(PathOf(StorageLayout.ReportsContainer, unitId, name), name, _ => ContentTypeOf(name), cancellationToken);
    }

    public async Task<IReadOnlyList<StoreEntry>> ListReportsAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        return await ListAsync(StorageLayout.ReportsContainer, unitId, withSha256: false, cancellationToken);
    }

    public Task<string?> PutTrackingAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        StorageLayout.CheckTracking(unitId, name);
        ArgumentNullException.ThrowIfNull(condition);
        return WriteAsync(PathOf(StorageLayout.TrackingContainer, unitId, name), content, condition, cancellationToken);
    }

    public async Task<StoredFile?> GetTrackingAsync(string unitId, string name, CancellationToken cancellationToken = default)
    {
        StorageLayout.CheckTracking(unitId, name);
        return await ReadAsync(PathOf(StorageLayout.TrackingContainer, unitId, name), name[(name.LastIndexOf('/') + 1)..], c => TrackingContentTypeOf(name, c), cancellationToken);
    }

    public async Task<IReadOnlyList<StoreEntry>> ListTrackingAsync(string unitId, string folder, CancellationToken cancellationToken = default)
    {
        StorageLayout.CheckTracking(unitId, folder);
        return await ListAsync(StorageLayout.TrackingContainer, Path.Combine(unitId, folder.Replace('/', Path.DirectorySeparatorChar)), withSha256: true, cancellationToken);
    }

    /// <summary>Tracking documents are JSON; evidence files are what their bytes say (as for uploads).</summary>
    internal static string TrackingContentTypeOf(string name, ReadOnlyMemory<byte> content) =>
        name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : FormatSniffer.Detect(content).MediaType;

    private static string ContentTypeOf(string name) => ReportFormats.ContentTypeOf(Path.GetExtension(name)) ?? "application/octet-stream";

    /// <summary>A strong entity tag from the content: equal bytes, equal tag (RFC 9110 §8.8.3).</summary>
    private static string ETagOf(ReadOnlySpan<byte> content) => "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "\"";

    private string PathOf(string container, string unitId, string name)
    {
        var path = Path.GetFullPath(Path.Combine(_root, container, unitId, name.Replace('/', Path.DirectorySeparatorChar)));
        // StorageLayout already refuses separators and "..": this is the second lock on the same door.
        if (!path.StartsWith(Path.Combine(_root, container) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("the name leaves the store's folder", nameof(name));
        }

        return path;
    }

    private async Task<string?> WriteAsync(string path, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        // Staged beside the tree (same file system, so the move is a rename), never inside a unit's folder.
        var temp = Path.Combine(StagingFolder, Guid.NewGuid().ToString("N"));
        var moved = false;
        try
        {
            if (condition.IfMatchETag is not null && !condition.Holds(await CurrentETagAsync(path, cancellationToken)))
            {
                return null;
            }

            // A batch writes thousands of small files: written in one call each (the asynchronous file API
            // costs more system calls here than the write itself), into folders made once per store.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                File.WriteAllBytes(temp, content.Span);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(StagingFolder); // removed while the store was open
                File.WriteAllBytes(temp, content.Span);
            }

            EnsureFolder(Path.GetDirectoryName(path)!);
            try
            {
                // Without overwrite the move fails when the target exists, atomically, even against other processes.
                Move(temp, path, overwrite: !condition.IfAbsent);
                moved = true;
            }
            catch (IOException) when (condition.IfAbsent && File.Exists(path))
            {
                return null;
            }

            return ETagOf(content.Span);
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temp);
            }

            gate.Release();
        }
    }

    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    private string? _stagingFolder;

    private string StagingFolder => _stagingFolder ??= Directory.CreateDirectory(Path.Combine(_root, ".staging")).FullName;

    /// <summary>Makes the folder unless this store made it before (<paramref name="again"/>: it was removed meanwhile).</summary>
    private void EnsureFolder(string folder, bool again = false)
    {
        if (again || !_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders[folder] = true;
        }
    }

    /// <summary>A move into a folder this store made earlier; made again when it was removed meanwhile.</summary>
    private void Move(string temp, string path, bool overwrite)
    {
        try
        {
            File.Move(temp, path, overwrite);
        }
        catch (DirectoryNotFoundException)
        {
            EnsureFolder(Path.GetDirectoryName(path)!, again: true);
            File.Move(temp, path, overwrite);
        }
    }

    private static async Task<string?> CurrentETagAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return ETagOf(await File.ReadAllBytesAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task<StoredFile?> ReadAsync(string path, string name, Func<byte[], string> contentType, CancellationToken cancellationToken)
    {
        try
        {
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            return new StoredFile(name, content, contentType(content), ETagOf(content), File.GetLastWriteTimeUtc(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<StoreEntry>> ListAsync(string container, string unitId, bool withSha256, CancellationToken cancellationToken)
    {
        var folder = new DirectoryInfo(Path.Combine(_root, container, unitId));
        if (!folder.Exists)
        {
            return [];
        }

        var entries = new List<StoreEntry>();
        foreach (var file in folder.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                continue; // replaced between listing and reading
            }

            var sha = withSha256 ? StatementProcessor.StatementIdOf(content) : null;
            entries.Add(new StoreEntry(file.Name, ETagOf(content), file.LastWriteTimeUtc, content.Length, sha));
        }

        return entries;
    }
}
