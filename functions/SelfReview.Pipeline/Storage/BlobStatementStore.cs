using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// The store over Blob Storage: containers <c>statements</c>, <c>records</c> and <c>reports</c>, blobs
/// named <c>{unitId}/{name}</c>. Conditions are Blob Storage's own If-Match / If-None-Match, so they hold
/// across every instance of the app. Uploads carry their SHA-256 as blob metadata.
/// </summary>
public sealed class BlobStatementStore(BlobServiceClient service) : IStatementStore
{
    /// <summary>The metadata key holding an upload's SHA-256 (metadata names are C# identifiers, lower case).</summary>
    public const string Sha256Metadata = "sha256";

    private readonly BlobContainerClient _statements = service.GetBlobContainerClient(StorageLayout.StatementsContainer);
    private readonly BlobContainerClient _records = service.GetBlobContainerClient(StorageLayout.RecordsContainer);
    private readonly BlobContainerClient _reports = service.GetBlobContainerClient(StorageLayout.ReportsContainer);
    private readonly BlobContainerClient _tracking = service.GetBlobContainerClient(StorageLayout.TrackingContainer);

    /// <summary>Creates the four containers when missing (idempotent).</summary>
    public async Task CreateContainersAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in new[] { _statements, _records, _reports, _tracking })
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> ListUnitsAsync(CancellationToken cancellationToken = default)
    {
        var units = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var container in new[] { _statements, _records })
        {
            await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", null, cancellationToken))
            {
                if (item.IsPrefix && item.Prefix.TrimEnd('/') is var unitId && StorageLayout.IsValidUnitId(unitId))
                {
                    units.Add(unitId);
                }
            }
        }

        return [.. units];
    }

    public async Task<string?> PutUploadAsync(string unitId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, fileName: fileName);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = FormatSniffer.Detect(content).MediaType },
            Metadata = new Dictionary<string, string> { [Sha256Metadata] = StatementProcessor.StatementIdOf(content.Span) },
        };
        return await UploadAsync(_statements.GetBlobClient(BlobName(unitId, fileName)), content, options, WriteCondition.IfNoneExists, cancellationToken);
    }

    public Task<StoredFile?> GetUploadAsync(string unitId, string fileName, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, fileName: fileName);
        return DownloadAsync(_statements, unitId, fileName, cancellationToken);
    }

    public Task<IReadOnlyList<StoreEntry>> ListUploadsAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        return ListAsync(_statements, unitId, withSha256: true, cancellationToken);
    }

    public async Task<string> PutRecordAsync(StatementRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        StorageLayout.Check(record.UnitId, statementId: record.StatementId);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        var blob = _records.GetBlobClient(BlobName(record.UnitId, StorageLayout.RecordName(record.StatementId)));
        return (await UploadAsync(blob, SelfReviewJson.Serialize(record, SelfReviewJson.Record), options, WriteCondition.Always, cancellationToken))!;
    }

    public async Task<StoredRecord?> GetRecordAsync(string unitId, string statementId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, statementId: statementId);
        return await DownloadAsync(_records, unitId, StorageLayout.RecordName(statementId), cancellationToken) is { } file
            ? new StoredRecord(SelfReviewJson.Deserialize(file.Content, SelfReviewJson.Record), file.ETag, file.LastModified)
            : null;
    }

    public async Task<IReadOnlyList<StoreEntry>> ListRecordsAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        var entries = await ListAsync(_records, unitId, withSha256: false, cancellationToken);
        return [.. entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).Select(e => e with { Name = e.Name[..^".json".Length] })];
    }

    public async Task<IReadOnlyList<string>> ListRecordIdsAsync(string unitId, CancellationToken cancellationToken = default) =>
        [.. (await ListRecordsAsync(unitId, cancellationToken)).Select(e => e.Name).Where(StorageLayout.IsValidStatementId)];

    public Task<StoredFile?> GetStatusIndexAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        return DownloadAsync(_records, unitId, StorageLayout.StatusIndexName, cancellationToken);
    }

    public Task<string?> PutStatusIndexAsync(string unitId, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        ArgumentNullException.ThrowIfNull(condition);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        return UploadAsync(_records.GetBlobClient(BlobName(unitId, StorageLayout.StatusIndexName)), content, options, condition, cancellationToken);
    }

    public Task<string?> PutReportAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, reportName: name);
        ArgumentNullException.ThrowIfNull(condition);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        return UploadAsync(_reports.GetBlobClient(BlobName(unitId, name)), content, options, condition, cancellationToken);
    }

    public Task<StoredFile?> GetReportAsync(string unitId, string name, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId, reportName: name);
        return DownloadAsync(_reports, unitId, name, cancellationToken);
    }

    public Task<IReadOnlyList<StoreEntry>> ListReportsAsync(string unitId, CancellationToken cancellationToken = default)
    {
        StorageLayout.Check(unitId);
        return ListAsync(_reports, unitId, withSha256: false, cancellationToken);
    }

    public Task<string?> PutTrackingAsync(string unitId, string name, string contentType, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        StorageLayout.CheckTracking(unitId, name);
        ArgumentNullException.ThrowIfNull(condition);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { [Sha256Metadata] = StatementProcessor.StatementIdOf(content.Span) },
        };
        return UploadAsync(_tracking.GetBlobClient(BlobName(unitId, name)), content, options, condition, cancellationToken);
    }

    public async Task<StoredFile?> GetTrackingAsync(string unitId, string name, CancellationToken cancellationToken = default)
    {
        StorageLayout.CheckTracking(unitId, name);
        return await DownloadAsync(_tracking, unitId, name, cancellationToken) is { } file ? file with { Name = name[(name.LastIndexOf('/') + 1)..] } : null;
    }

    public Task<IReadOnlyList<StoreEntry>> ListTrackingAsync(string unitId, string folder, CancellationToken cancellationToken = default)
    {
        StorageLayout.CheckTracking(unitId, folder);
        return ListAsync(_tracking, unitId + "/" + folder, withSha256: true, cancellationToken);
    }

    private static string BlobName(string unitId, string name) => unitId + "/" + name;

    /// <summary>The entity tag in one form: the service quotes it in response headers but not in listings.</summary>
    private static string Tag(ETag eTag)
    {
        var text = eTag.ToString();
        return text.StartsWith('"') ? text : "\"" + text + "\"";
    }

    private static async Task<string?> UploadAsync(BlobClient blob, ReadOnlyMemory<byte> content, BlobUploadOptions options, WriteCondition condition, CancellationToken cancellationToken)
    {
        options.Conditions = condition switch
        {
            { IfAbsent: true } => new BlobRequestConditions { IfNoneMatch = ETag.All },
            { IfMatchETag: { } eTag } => new BlobRequestConditions { IfMatch = new ETag(eTag) },
            _ => null,
        };
        try
        {
            var response = await blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
            return Tag(response.Value.ETag);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && options.Conditions is not null)
        {
            // 412 ConditionNotMet for If-Match; 409 BlobAlreadyExists for If-None-Match: * (Blob service REST, Put Blob).
            return null;
        }
    }

    private static async Task<StoredFile?> DownloadAsync(BlobContainerClient container, string unitId, string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(BlobName(unitId, name)).DownloadContentAsync(cancellationToken);
            var details = response.Value.Details;
            return new StoredFile(name, response.Value.Content.ToArray(), details.ContentType ?? "application/octet-stream", Tag(details.ETag), details.LastModified);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<StoreEntry>> ListAsync(BlobContainerClient container, string unitId, bool withSha256, CancellationToken cancellationToken)
    {
        var prefix = unitId + "/";
        var options = new GetBlobsOptions { Prefix = prefix, Traits = withSha256 ? BlobTraits.Metadata : BlobTraits.None };
        var entries = new List<StoreEntry>();
        await foreach (var item in container.GetBlobsAsync(options, cancellationToken))
        {
            var name = item.Name[prefix.Length..];
            if (name.Contains('/', StringComparison.Ordinal))
            {
                continue; // deeper paths are not part of the layout
            }

            var sha = withSha256 && item.Metadata?.TryGetValue(Sha256Metadata, out var value) == true ? value : null;
            entries.Add(new StoreEntry(name, item.Properties.ETag is { } tag ? Tag(tag) : "", item.Properties.LastModified ?? DateTimeOffset.MinValue, item.Properties.ContentLength ?? 0, sha));
        }

        return entries;
    }
}
