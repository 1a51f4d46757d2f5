using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfReview.Api;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Serving;

/// <summary>
/// <c>selfreview serve</c> as an ASP.NET Core app on Kestrel: the folder store, the engine, the API's
/// endpoint classes mapped as minimal-API routes (<see cref="ApiEndpointRouteBuilderExtensions.MapSelfReviewApi"/>),
/// the web page at <c>/</c>, and the in-process queues in place of Event Grid and the storage queues.
/// </summary>
public static class ServeApp
{
    /// <summary>Defaults for one machine, under whatever the environment sets (<c>Consolidation__DelaySeconds</c> …).</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        // A burst from the page arrives within a second or two; Azure waits longer because its queue polls.
        ["Consolidation:DelaySeconds"] = "2",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:SelfReview"] = "Information",
    };

    public static WebApplication Build(string dataDirectory, string urls, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddProblemDetails();

        builder.Services.AddSelfReviewOptions();
        builder.Services.AddSingleton<IStatementStore>(new FolderStatementStore(dataDirectory));
        builder.Services.AddSingleton<UploadChannel>();
        builder.Services.AddSingleton<IUploadNotifier>(sp => sp.GetRequiredService<UploadChannel>());
        builder.Services.AddSingleton<DebouncedConsolidationScheduler>();
        builder.Services.AddSingleton<IConsolidationScheduler>(sp => sp.GetRequiredService<DebouncedConsolidationScheduler>());
        builder.Services.AddHostedService<IngestionWorker>();
        builder.Services.AddHostedService<ConsolidationWorker>();
        builder.Services.AddSelfReviewEngine();
        builder.Services.AddSelfReviewApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapSelfReviewApi();
        return app;
    }
}
