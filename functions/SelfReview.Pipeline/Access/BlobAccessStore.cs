using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace SelfReview.Pipeline.Access;

/// <summary>
/// The access store over Blob Storage: container <c>access</c> with blob <c>access.json</c> (written with
/// If-Match / If-None-Match), and the audit trail as append blobs <c>tracking/{unitId}/audit/{day}.jsonl</c>:
/// an append blob only grows (Append Block), so a trail cannot be rewritten through this store.
/// </summary>
public sealed class BlobAccessStore(BlobServiceClient service) : IAccessStore
{
    private readonly BlobContainerClient _access = service.GetBlobContainerClient(AccessJson.Container);
    private readonly BlobContainerClient _tracking = service.GetBlobContainerClient(AccessJson.AuditContainer);

    public async Task CreateContainersAsync(CancellationToken cancellationToken = default)
    {
        await _access.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _tracking.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task<StoredAccessMap> GetMapAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _access.GetBlobClient(AccessJson.MapName).DownloadContentAsync(cancellationToken);
            return new StoredAccessMap(AccessJson.Deserialize(result.Value.Content.ToMemory().Span), result.Value.Details.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new StoredAccessMap(AccessMap.Empty, null);
        }
    }

    public async Task<string?> PutMapAsync(AccessMap map, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var conditions = expectedETag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(expectedETag) };
        try
        {
            var result = await _access.GetBlobClient(AccessJson.MapName).UploadAsync(
                new BinaryData(AccessJson.Serialize(map)),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken);
            return result.Value.ETag.ToString("H");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    public async Task AppendAuditAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var blob = _tracking.GetAppendBlobClient(Name(auditEvent.UnitId, DateOnly.FromDateTime(auditEvent.At.UtcDateTime)));
        await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        using var line = new MemoryStream(Encoding.UTF8.GetBytes(AccessJson.AuditLine(auditEvent)));
        await blob.AppendBlockAsync(line, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAuditAsync(string unitId, DateOnly day, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _tracking.GetBlobClient(Name(unitId, day)).DownloadContentAsync(cancellationToken);
            return AccessJson.ParseAudit(result.Value.Content.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    private static string Name(string unitId, DateOnly day) =>
        Storage.StorageLayout.UnitIdError(unitId) is { } error ? throw new ArgumentException(error, nameof(unitId)) : AccessJson.AuditName(unitId, day);
}
