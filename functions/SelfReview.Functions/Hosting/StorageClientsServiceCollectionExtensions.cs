using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SelfReview.Functions.Hosting;

/// <summary>
/// The app's Blob and Queue clients through Microsoft.Extensions.Azure, from the same <c>SelfReviewStorage</c>
/// setting the queue triggers use: either a connection string (Azurite, local), or the identity-based form
/// (<c>__blobServiceUri</c>, <c>__queueServiceUri</c>, or <c>__accountName</c> with the cloud's
/// <c>__endpointSuffix</c>; <c>__clientId</c>) with one shared <see cref="TokenCredential"/> — the
/// user-assigned managed identity when a client id is given, else DefaultAzureCredential.
/// </summary>
public static class StorageClientsServiceCollectionExtensions
{
    /// <summary>The public cloud's storage suffix; Azure China is <c>core.chinacloudapi.cn</c> (the Bicep passes <c>environment().suffixes.storage</c>).</summary>
    public const string DefaultEndpointSuffix = "core.windows.net";

    /// <summary>
    /// Registers the clients. <paramref name="configureOptions"/> is applied to the Blob and Queue clients'
    /// options: tests add an Azure.Core pipeline policy there to inject faults; the app passes nothing.
    /// </summary>
    public static IServiceCollection AddSelfReviewStorageClients(this IServiceCollection services, IConfiguration configuration, string name = AppSettingNames.SelfReviewStorage, Action<ClientOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[name];
        var section = configuration.GetSection(name);
        var account = section["accountName"];
        var suffix = section["endpointSuffix"] is { Length: > 0 } s ? s : DefaultEndpointSuffix;
        var blobUri = section["blobServiceUri"] ?? (account is null ? null : $"https://{account}.blob.{suffix}");
        var queueUri = section["queueServiceUri"] ?? (account is null ? null : $"https://{account}.queue.{suffix}");
        if (connectionString is not { Length: > 0 } && (blobUri is null || queueUri is null))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {name} to a connection string, or {name}__blobServiceUri and {name}__queueServiceUri (with {name}__credential=managedidentity and {name}__clientId in Azure).");
        }

        TokenCredential? credential = connectionString is { Length: > 0 } ? null
            : section["clientId"] is { Length: > 0 } clientId ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        services.AddAzureClients(clients =>
        {
            if (credential is null)
            {
                clients.AddBlobServiceClient(connectionString).ConfigureOptions(o => configureOptions?.Invoke(o));
                clients.AddQueueServiceClient(connectionString).ConfigureOptions(o => Queue(o, configureOptions));
            }
            else
            {
                clients.AddBlobServiceClient(new Uri(blobUri!)).ConfigureOptions(o => configureOptions?.Invoke(o));
                clients.AddQueueServiceClient(new Uri(queueUri!)).ConfigureOptions(o => Queue(o, configureOptions));
                clients.UseCredential(credential);
            }
        });
        if (credential is not null)
        {
            // The same credential for the engine's other Azure clients (Document Intelligence, Azure OpenAI).
            services.AddSingleton(credential);
        }

        return services;
    }

    private static void Queue(QueueClientOptions options, Action<ClientOptions>? configure)
    {
        // The triggers write and read messages as plain text (the Event Grid subscription delivers JSON).
        options.MessageEncoding = QueueMessageEncoding.None;
        configure?.Invoke(options);
    }
}
