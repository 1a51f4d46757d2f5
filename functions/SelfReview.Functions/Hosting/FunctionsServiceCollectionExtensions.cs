using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfReview.Api;
using SelfReview.Functions.Consolidation;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Hosting;

/// <summary>
/// The app's composition: options, storage clients, the store and the engine. Program.cs calls this; so do
/// the tests, which may pass <c>configureStorageClients</c> to add a pipeline policy (fault
/// injection) to the Blob and Queue clients' options; the app passes nothing.
/// </summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddSelfReviewFunctions(this IServiceCollection services, IConfiguration configuration, Action<ClientOptions>? configureStorageClients = null)
    {
        services.TryAddSingleton(configuration);
        services.AddSelfReviewOptions();
        services.AddSelfReviewStorageClients(configuration, configureOptions: configureStorageClients);
        services.AddSingleton<BlobStatementStore>();
        services.AddSingleton<IStatementStore>(sp => sp.GetRequiredService<BlobStatementStore>());
        services.AddSingleton<IUploadNotifier, NoUploadNotifier>();
        services.AddSingleton<IConsolidationScheduler, ConsolidationScheduler>();
        services.AddHostedService<StorageInitializer>();
        services.AddSelfReviewEngine();
        services.AddSelfReviewApi();
        return services;
    }
}
