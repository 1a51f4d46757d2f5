using System.Security.Cryptography;

namespace SelfReview.Pipeline.Access;

/// <summary>
/// The access store in a folder (the data folder of <c>selfreview serve</c> and of the <c>keys</c> and
/// <c>users</c> commands): <c>access/access.json</c> and <c>tracking/{unitId}/audit/{day}.jsonl</c>. The map
/// is replaced atomically (a temporary file moved over it) under a lock file, so a command run while serve
/// runs cannot lose a change; its entity tag is the SHA-256 of its bytes.
/// </summary>
public sealed class FolderAccessStore(string root) : IAccessStore
{
    private readonly string _root = Path.GetFullPath(root);
    private readonly Lock _auditLock = new();

    private string MapPath => Path.Combine(_root, AccessJson.Container, AccessJson.MapName);

    public async Task<StoredAccessMap> GetMapAsync(CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(MapPath, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new StoredAccessMap(AccessMap.Empty, null);
        }

        return new StoredAccessMap(AccessJson.Deserialize(bytes), ETagOf(bytes));
    }

    public async Task<string?> PutMapAsync(AccessMap map, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var directory = Directory.CreateDirectory(Path.GetDirectoryName(MapPath)!).FullName;
        await using var lockFile = await LockAsync(Path.Combine(directory, ".lock"), cancellationToken);
        var current = File.Exists(MapPath) ? ETagOf(await File.ReadAllBytesAsync(MapPath, cancellationToken)) : null;
        if (!string.Equals(current, expectedETag, StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = AccessJson.Serialize(map);
        var temporary = MapPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, MapPath, overwrite: true);
        return ETagOf(bytes);
    }

    public Task AppendAuditAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var path = AuditPath(auditEvent.UnitId, DateOnly.FromDateTime(auditEvent.At.UtcDateTime));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var line = System.Text.Encoding.UTF8.GetBytes(AccessJson.AuditLine(auditEvent));
        lock (_auditLock)
        {
            // FileMode.Append: writes go to the end only (O_APPEND), so earlier lines are never rewritten.
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(line);
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(string unitId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var path = AuditPath(unitId, day);
        return File.Exists(path) ? AccessJson.ParseAudit(await File.ReadAllTextAsync(path, cancellationToken)) : [];
    }

    private string AuditPath(string unitId, DateOnly day)
    {
        if (Storage.StorageLayout.UnitIdError(unitId) is { } error)
        {
            throw new ArgumentException(error, nameof(unitId));
        }

        return Path.Combine(_root, AccessJson.AuditContainer, AccessJson.AuditName(unitId, day).Replace('/', Path.DirectorySeparatorChar));
    }

    private static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes)) + "\"";

    /// <summary>An exclusive lock file shared by every process that writes the map (retried for up to 10 s).</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
