using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SelfReview.Api.Telemetry;

/// <summary>
/// One OpenTelemetry setup for both hosts: spans of the API's requests (ASP.NET Core), of every outgoing HTTP
/// call (Blob and Queue Storage, Document Intelligence, Azure OpenAI: all go through Azure.Core's HttpClient
/// transport) and of the Azure SDK's own operations (<c>Azure.*</c> sources), the logs, and the request and
/// client metrics; every span and log record passes <see cref="RedactingActivityProcessor"/> /
/// <see cref="RedactingLogProcessor"/> before any exporter sees it. Exporters: Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with an Entra token when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> is <c>Authorization=AAD[;ClientId=…]</c>, the managed
/// identity's), OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. With neither, and no exporter passed in
/// <c>exporters</c> (the tests' in-memory ones), nothing is registered: telemetry is off.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // Azure.Core emits its operation spans through ActivitySource only behind this switch (its
    // DiagnosticScopeFactory reads it; the Azure Monitor distro sets it the same way).
    private const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>
    /// Registers telemetry when configured. <paramref name="host"/> adds what only one host has (the Functions
    /// worker's invocation spans); <paramref name="exporters"/> adds exporters after the redaction, and turns
    /// telemetry on by itself. Returns whether telemetry is on.
    /// </summary>
    public static bool AddSelfReviewTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<IOpenTelemetryBuilder>? host = null,
        Action<IOpenTelemetryBuilder>? exporters = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Log lines that quote a request's URL, so a blob name (the Azure SDK's request lines, category Azure.Core,
        // Information) or an upload's ?fileName= (ASP.NET Core's "Request starting …", Information): with or without
        // telemetry, and whatever Logging:LogLevel says, only their warnings and errors are logged. The request
        // spans, redacted, say what those lines said.
        services.AddLogging(logging => logging
            .AddFilter("Azure", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Warning));

        var connectionString = configuration[ApplicationInsightsConnectionString];
        var otlp = configuration[OtlpEndpoint];
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        var otlpOn = !string.IsNullOrWhiteSpace(otlp);
        if (!azureMonitor && !otlpOn && exporters is null)
        {
            return false;
        }

        AppContext.SetSwitch(AzureActivitySourceSwitch, true);
        var credential = azureMonitor ? CredentialOf(configuration[ApplicationInsightsAuthentication]) : null;
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : serviceName))
            .WithTracing(tracing => tracing
                .AddProcessor(new RedactingActivityProcessor())
                .AddSource("Azure.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(logging => logging.AddProcessor(new RedactingLogProcessor()), options =>
            {
                options.IncludeFormattedMessage = true;
                // Scopes hold request paths (ASP.NET Core's RequestPath) that no processor sees as such.
                options.IncludeScopes = false;
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        host?.Invoke(builder);

        if (azureMonitor)
        {
            builder.WithTracing(t => t.AddAzureMonitorTraceExporter(o => o.ConnectionString = connectionString, credential));
            builder.WithLogging(l => l.AddAzureMonitorLogExporter(o => o.ConnectionString = connectionString, credential));
            builder.WithMetrics(m => m.AddAzureMonitorMetricExporter(o => o.ConnectionString = connectionString, credential));
        }

        if (otlpOn)
        {
            builder.WithTracing(t => t.AddOtlpExporter());
            builder.WithLogging(l => l.AddOtlpExporter());
            builder.WithMetrics(m => m.AddOtlpExporter());
        }

        exporters?.Invoke(builder);
        return true;
    }

    /// <summary>
    /// The credential for Application Insights with local auth disabled: <c>Authorization=AAD;ClientId=…</c>
    /// (the user-assigned identity the Bicep sets) or <c>Authorization=AAD</c> (system-assigned); none without.
    /// </summary>
    internal static TokenCredential? CredentialOf(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ApplicationInsightsAuthentication} must be Authorization=AAD, with ClientId=… for a user-assigned identity.");
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
