using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace SelfReview.Functions.Hosting;

/// <summary>
/// The app's Blob and Queue clients, built from the same <c>SelfReviewStorage</c> setting the queue
/// triggers use: either a connection string (Azurite, local), or the identity-based form
/// (<c>__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__clientId</c>) with one shared credential —
/// the user-assigned managed identity when a client id is given, else DefaultAzureCredential.
/// </summary>
public sealed record StorageClients(BlobServiceClient Blobs, QueueServiceClient Queues, TokenCredential? Credential)
{
    public static StorageClients FromConfiguration(IConfiguration configuration, string name = AppSettingNames.SelfReviewStorage, Action<ClientOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        var blobOptions = new BlobClientOptions();
        configureOptions?.Invoke(queueOptions);
        configureOptions?.Invoke(blobOptions);
        if (configuration[name] is { Length: > 0 } connectionString)
        {
            return new StorageClients(new BlobServiceClient(connectionString, blobOptions), new QueueServiceClient(connectionString, queueOptions), null);
        }

        var section = configuration.GetSection(name);
        var account = section["accountName"];
        var blobUri = section["blobServiceUri"] ?? (account is null ? null : $"https://{account}.blob.core.windows.net");
        var queueUri = section["queueServiceUri"] ?? (account is null ? null : $"https://{account}.queue.core.windows.net");
        if (blobUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {name} to a connection string, or {name}__blobServiceUri and {name}__queueServiceUri (with {name}__credential=managedidentity and {name}__clientId in Azure).");
        }

        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new StorageClients(new BlobServiceClient(new Uri(blobUri), credential, blobOptions), new QueueServiceClient(new Uri(queueUri), credential, queueOptions), credential);
    }
}
