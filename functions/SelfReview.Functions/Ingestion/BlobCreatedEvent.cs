using System.Text.Json;
using SelfReview.Functions.Hosting;

namespace SelfReview.Functions.Ingestion;

/// <summary>
/// A <c>Microsoft.Storage.BlobCreated</c> event as Event Grid delivers it to a storage queue, in the
/// Event Grid schema (<c>eventType</c>, <c>subject</c>, <c>data</c>) or the CloudEvents 1.0 schema
/// (<c>type</c>, <c>subject</c>, <c>data</c>); one event per message, or an array of them.
/// The subject is <c>/blobServices/default/containers/{container}/blobs/{blob name}</c>; the blob
/// name is taken from <c>data.url</c> when present (percent-encoded there, so exact for any
/// characters), else from the subject.
/// </summary>
/// <param name="Api">The storage operation that created the blob (<c>PutBlob</c>, <c>PutBlockList</c>, …).</param>
/// <param name="Container">The container.</param>
/// <param name="BlobName">The blob's name within the container.</param>
public sealed record BlobCreatedEvent(string Api, string Container, string BlobName)
{
    public const string EventType = "Microsoft.Storage.BlobCreated";

    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>The operations that leave a complete new blob (Blob Storage event schema, data.api).</summary>
    public static IReadOnlySet<string> CreatingApis { get; } = new HashSet<string>(StringComparer.Ordinal) { "PutBlob", "PutBlockList", "CopyBlob", "FlushWithClose" };

    /// <summary>Whether the event is a complete new blob (not, say, an intermediate block upload).</summary>
    public bool IsComplete => CreatingApis.Contains(Api);

    /// <summary>The blob-created events in a queue message body; empty when it holds none (other event types included).</summary>
    public static IReadOnlyList<BlobCreatedEvent> Parse(BinaryData body)
    {
        if (MessageBody.JsonText(body) is not { } text)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var events = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            return [.. events.Select(FromElement).OfType<BlobCreatedEvent>()];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static BlobCreatedEvent? FromElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = String(element, "eventType") ?? String(element, "type");
        if (type != EventType || !element.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var api = String(data, "api") ?? "";
        var subject = String(element, "subject");
        if (subject is null || !subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = subject[SubjectPrefix.Length..];
        var blobsAt = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        if (blobsAt <= 0)
        {
            return null;
        }

        var container = rest[..blobsAt];
        var blobName = NameFromUrl(String(data, "url"), container) ?? rest[(blobsAt + "/blobs/".Length)..];
        return blobName.Length == 0 ? null : new BlobCreatedEvent(api, container, blobName);
    }

    /// <summary>
    /// The blob name from the blob URL: <c>https://acct.blob.core.windows.net/{container}/{name}</c>, or the
    /// path style of emulators, <c>http://host:port/{account}/{container}/{name}</c>.
    /// </summary>
    private static string? NameFromUrl(string? url, string container)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.TrimStart('/').Split('/');
        var at = Array.IndexOf(segments, Uri.EscapeDataString(container));
        if (at is < 0 or > 1 || at == segments.Length - 1)
        {
            return null;
        }

        return string.Join('/', segments[(at + 1)..].Select(Uri.UnescapeDataString));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
