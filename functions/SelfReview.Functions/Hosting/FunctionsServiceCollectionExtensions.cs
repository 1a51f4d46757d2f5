using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        services.AddOptions<ConsolidationOptions>()
            .Bind(configuration.GetSection(ConsolidationOptions.SectionName))
            .Validate(o => o.DelaySeconds is >= 0 and <= 3600, "Consolidation:DelaySeconds must be 0–3600 (a queue message can be hidden for at most 7 days; minutes are plenty).")
            .Validate(o => o.DefaultDeadlineMonths is >= 1 and <= 24, "Consolidation:DefaultDeadlineMonths must be 1–24.")
            .ValidateOnStart();
        // The engine takes the options object itself; registered first, so its TryAdd default steps aside.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsolidationOptions>>().Value);

        var storage = StorageClients.FromConfiguration(configuration, configureOptions: configureStorageClients);
        services.AddSingleton(storage.Blobs);
        services.AddSingleton(storage.Queues);
        if (storage.Credential is { } credential)
        {
            services.AddSingleton<TokenCredential>(credential);
        }

        services.AddSingleton<BlobStatementStore>();
        services.AddSingleton<IStatementStore>(sp => sp.GetRequiredService<BlobStatementStore>());
        services.AddSingleton<StatementIngestor>();
        services.AddSingleton<UnitReportPublisher>();
        services.AddSingleton<ConsolidationScheduler>();
        services.AddHostedService<StorageInitializer>();
        services.AddSelfReviewEngine();
        return services;
    }
}
