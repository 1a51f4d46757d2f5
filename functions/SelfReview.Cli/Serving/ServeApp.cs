using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using SelfReview.Api;
using SelfReview.Api.Access;
using SelfReview.Api.Telemetry;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Access;
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

    /// <summary>
    /// Composes serve. Telemetry is on when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, or <paramref name="telemetryExporters"/> is given (the tests'
    /// in-memory exporters).
    /// </summary>
    public static WebApplication Build(string dataDirectory, string urls, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, Action<IOpenTelemetryBuilder>? telemetryExporters = null)
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
        builder.Services.AddSelfReviewTelemetry(builder.Configuration, "selfreview-serve", exporters: telemetryExporters);
        AddAccess(builder.Services, dataDirectory, ServeCallerResolver.IsLoopbackOnly(urls.Split(';', StringSplitOptions.RemoveEmptyEntries)));

        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.MapSelfReviewApi();
        return app;
    }

    /// <summary>
    /// Who may call: the access map in <c>DIR/access/</c>, API keys and password sessions (a cookie, HttpOnly,
    /// SameSite=Strict, sliding; its protection keys live in memory, so a restart signs everyone out and no
    /// key material is written to disk), and the loopback owner while serve listens on loopback only.
    /// </summary>
    private static void AddAccess(IServiceCollection services, string dataDirectory, bool loopbackOnly)
    {
        services.AddSingleton<IAccessStore>(new FolderAccessStore(dataDirectory));
        services.AddSingleton<ICallerResolver>(new ServeCallerResolver(loopbackOnly));
        services.AddSingleton<PasswordSignIn>();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuthentication(SessionEndpoints.Scheme).AddCookie(SessionEndpoints.Scheme, o =>
        {
            o.Cookie.Name = "selfreview-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            // An API answers 401/403 with Problem Details from ApiAccess; never a redirect to a login page.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        services.AddOptions<CookieAuthenticationOptions>(SessionEndpoints.Scheme)
            .Configure<Microsoft.Extensions.Options.IOptions<AccessOptions>>((o, access) => o.ExpireTimeSpan = TimeSpan.FromMinutes(access.Value.SessionMinutes));
    }
}
