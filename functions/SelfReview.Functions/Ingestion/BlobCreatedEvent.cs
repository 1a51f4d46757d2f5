using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;
using SelfReview.Functions.Hosting;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Ingestion;

/// <summary>
/// A <c>Microsoft.Storage.BlobCreated</c> event as Event Grid delivers it to a storage queue, in the
/// Event Grid schema or the CloudEvents 1.0 schema, one per message or an array of them. Parsed by
/// Azure.Messaging.EventGrid (<see cref="EventGridEvent"/>, <see cref="CloudEvent"/>,
/// <see cref="StorageBlobCreatedEventData"/>); the container and blob name come from <c>data.url</c> by
/// <see cref="BlobUriBuilder"/> (which knows the emulators' path-style URLs), else from the subject
/// <c>/blobServices/default/containers/{container}/blobs/{blob name}</c>.
/// </summary>
/// <param name="Api">The storage operation that created the blob (<c>PutBlob</c>, <c>PutBlockList</c>, …).</param>
/// <param name="Container">The container.</param>
/// <param name="BlobName">The blob's name within the container.</param>
public sealed record BlobCreatedEvent(string Api, string Container, string BlobName)
{
    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>The operations that leave a complete new blob (Blob Storage event schema, data.api).</summary>
    public static IReadOnlySet<string> CreatingApis { get; } = new HashSet<string>(StringComparer.Ordinal) { "PutBlob", "PutBlockList", "CopyBlob", "FlushWithClose" };

    /// <summary>Whether the event is a complete new blob (not, say, an intermediate block upload).</summary>
    public bool IsComplete => CreatingApis.Contains(Api);

    /// <summary>The upload <c>statements/{unitId}/{fileName}</c> this event announces, or null for anything else.</summary>
    public (string UnitId, string FileName)? StatementUpload
    {
        get
        {
            var slash = BlobName.IndexOf('/', StringComparison.Ordinal);
            return Container == StorageLayout.StatementsContainer && IsComplete && slash > 0
                && StorageLayout.IsValidUnitId(BlobName[..slash]) && StorageLayout.IsValidFileName(BlobName[(slash + 1)..])
                ? (BlobName[..slash], BlobName[(slash + 1)..])
                : null;
        }
    }

    /// <summary>The blob-created events in a queue message body; empty when it holds none (other event types included).</summary>
    public static IReadOnlyList<BlobCreatedEvent> Parse(BinaryData body)
    {
        if (MessageBody.JsonText(body) is not { } text)
        {
            return [];
        }

        try
        {
            var data = BinaryData.FromString(text);
            var events = IsCloudEvents(text)
                ? CloudEvent.ParseMany(data).Select(e => (e.Subject, Data: e.TryGetSystemEventData(out var d) ? d : null))
                : EventGridEvent.ParseMany(data).Select(e => (Subject: (string?)e.Subject, Data: e.TryGetSystemEventData(out var d) ? d : null));
            return [.. events.Select(e => From(e.Subject, e.Data as StorageBlobCreatedEventData)).OfType<BlobCreatedEvent>()];
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            return []; // not an event of either schema
        }
    }

    /// <summary>CloudEvents carry <c>specversion</c> (CloudEvents 1.0 §3.1); Event Grid events do not.</summary>
    private static bool IsCloudEvents(string text)
    {
        using var json = JsonDocument.Parse(text);
        var first = json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.GetArrayLength() > 0 ? json.RootElement[0] : json.RootElement;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }

    private static BlobCreatedEvent? From(string? subject, StorageBlobCreatedEventData? data)
    {
        if (data is null)
        {
            return null;
        }

        if (data.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var blob = new BlobUriBuilder(uri);
            return blob.BlobName is { Length: > 0 } ? new BlobCreatedEvent(data.Api ?? "", blob.BlobContainerName, blob.BlobName) : null;
        }

        // Without a URL (hand-made events), the subject names the blob as written.
        if (subject is null || !subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = subject[SubjectPrefix.Length..];
        var blobsAt = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        var name = blobsAt <= 0 ? "" : rest[(blobsAt + "/blobs/".Length)..];
        return name.Length == 0 ? null : new BlobCreatedEvent(data.Api ?? "", rest[..blobsAt], name);
    }
}
