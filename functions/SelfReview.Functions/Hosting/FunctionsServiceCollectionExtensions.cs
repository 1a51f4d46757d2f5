using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using SelfReview.Api;
using SelfReview.Api.Access;
using SelfReview.Api.Telemetry;
using SelfReview.Functions.Consolidation;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Hosting;

/// <summary>
/// The app's composition: options, storage clients, the store and the engine. Program.cs calls this; so do
/// the tests, which may pass <c>configureStorageClients</c> to add a pipeline policy (fault
/// injection) to the Blob and Queue clients' options, and <c>telemetryExporters</c> (in-memory exporters,
/// which also turn telemetry on); the app passes nothing.
/// </summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddSelfReviewFunctions(this IServiceCollection services, IConfiguration configuration, Action<ClientOptions>? configureStorageClients = null, Action<IOpenTelemetryBuilder>? telemetryExporters = null)
    {
        services.TryAddSingleton(configuration);
        services.AddSelfReviewTelemetry(configuration, "selfreview-functions", host: t => t.UseFunctionsWorkerDefaults(), exporters: telemetryExporters);
        services.AddSelfReviewOptions();
        services.AddSelfReviewStorageClients(configuration, configureOptions: configureStorageClients);
        services.AddSingleton<BlobStatementStore>();
        services.AddSingleton<IStatementStore>(sp => sp.GetRequiredService<BlobStatementStore>());
        services.AddSingleton<BlobAccessStore>();
        services.AddSingleton<IAccessStore>(sp => sp.GetRequiredService<BlobAccessStore>());
        // Callers are who App Service authentication (Easy Auth) says; the header is believed only where the
        // platform reports authentication on, as it then strips the header from incoming requests.
        services.AddSingleton<ICallerResolver, EasyAuthCallerResolver>();
        services.PostConfigure<AccessOptions>(o => o.TrustClientPrincipalHeader |= string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "True", StringComparison.OrdinalIgnoreCase));
        services.AddSingleton<IUploadNotifier, NoUploadNotifier>();
        services.AddSingleton<IConsolidationScheduler, ConsolidationScheduler>();
        services.AddHostedService<StorageInitializer>();
        services.AddSelfReviewEngine();
        services.AddSelfReviewApi();
        return services;
    }
}
