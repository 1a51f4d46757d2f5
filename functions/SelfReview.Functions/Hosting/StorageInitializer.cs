using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Hosting;

/// <summary>
/// Creates the containers and queues at start when missing. In Azure the deployment has made them
/// already and these calls only confirm it; locally (Azurite) they make a fresh emulator usable.
/// </summary>
public sealed partial class StorageInitializer(BlobStatementStore store, SelfReview.Pipeline.Access.BlobAccessStore access, QueueServiceClient queues, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.CreateContainersAsync(cancellationToken);
        await access.CreateContainersAsync(cancellationToken);
        foreach (var name in QueueNames.All)
        {
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        LogReady(logger, StorageLayout.Containers.Count + 2, QueueNames.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Storage ready: {Containers} containers, {Queues} queues")]
    private static partial void LogReady(ILogger logger, int containers, int queues);
}
