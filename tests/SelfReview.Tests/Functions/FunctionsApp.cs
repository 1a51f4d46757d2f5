using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfReview.Functions;
using SelfReview.Api;
using SelfReview.Functions.Api;
using SelfReview.Functions.Consolidation;
using SelfReview.Functions.Hosting;
using SelfReview.Functions.Ingestion;
using SelfReview.Pipeline.Storage;
using SelfReview.Tests.Azurite;

namespace SelfReview.Tests.Functions;

/// <summary>
/// The Functions app as the worker composes it (AddSelfReviewFunctions over configuration that names
/// Azurite as SelfReviewStorage), driven the way the host drives it: HTTP requests become HttpContexts
/// whose IResult is executed; queue messages are received from the real queues and handed to the
/// queue-triggered functions, then deleted on success or made visible again on failure.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FunctionsApp(ServiceProvider services, AzuriteFixture azurite)
    {
        _services = services;
        Azurite = azurite;
        Events = azurite.Queues.GetQueueClient(QueueNames.StatementEvents);
        Consolidations = azurite.Queues.GetQueueClient(QueueNames.UnitConsolidation);
    }

    public AzuriteFixture Azurite { get; }

    public IServiceProvider Services => _services;

    public QueueClient Events { get; }

    public QueueClient Consolidations { get; }

    public IStatementStore Store => _services.GetRequiredService<IStatementStore>();

    /// <summary>Headers every request carries unless it sets them itself: by default an administrator signed in through App Service authentication.</summary>
    public Dictionary<string, string> DefaultHeaders { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [SelfReview.Api.Access.ClientPrincipal.HeaderName] = EasyAuthPrincipal.Header("00000000-0000-0000-0000-00000000a0a0", roles: ["SelfReview.Admin"]),
        [SelfReview.Api.Access.ApiAccess.RequestHeader] = "1",
    };

    /// <summary>
    /// Composes and starts the app. <paramref name="storageClients"/> configures the app's Blob and Queue
    /// client options (a fault-injecting policy); <paramref name="clearQueues"/> false starts a worker
    /// over the queues as another one left them (a restart); <paramref name="telemetry"/> adds exporters
    /// (in-memory ones) after the app's redaction, which turns its telemetry on.
    /// </summary>
    public static async Task<FunctionsApp> StartAsync(
        AzuriteFixture azurite,
        int delaySeconds = 0,
        Action<IServiceCollection>? configure = null,
        Action<Azure.Core.ClientOptions>? storageClients = null,
        bool clearQueues = true,
        Action<OpenTelemetry.IOpenTelemetryBuilder>? telemetry = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppSettingNames.SelfReviewStorage] = azurite.ConnectionString,
            [AppSettingNames.ConfigurationKey(AppSettingNames.ConsolidationDelaySeconds)] = delaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // As behind App Service authentication, which sets X-MS-CLIENT-PRINCIPAL (and WEBSITE_AUTH_ENABLED).
            ["Access:TrustClientPrincipalHeader"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        services.AddSelfReviewFunctions(configuration, storageClients, telemetry);
        var app = new FunctionsApp(services.BuildServiceProvider(validateScopes: true), azurite);
        foreach (var hosted in app._services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        // The queues are shared by the tests of the Azurite collection, which run one after another.
        if (clearQueues)
        {
            await app.Events.ClearMessagesAsync();
            await app.Consolidations.ClearMessagesAsync();
        }

        return app;
    }

    public T Function<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    // ---- HTTP, as the host would route it ----

    public Task<ApiResponse> UploadAsync(string unitId, string? fileName, byte[] body, bool nameInQuery = false, long? contentLength = null)
    {
        var headers = new Dictionary<string, string>();
        var query = "";
        if (fileName is not null && nameInQuery)
        {
            query = "?fileName=" + Uri.EscapeDataString(fileName);
        }
        else if (fileName is not null)
        {
            // RFC 8187 ext-value, as a client sends a Chinese name in a header.
            headers[FileNameHeader.Name] = fileName.All(char.IsAscii) ? fileName : "UTF-8''" + Uri.EscapeDataString(fileName);
        }

        return HttpAsync("POST", $"/api/units/{unitId}/statements{query}", (r, ct) => Function<UploadStatement>().RunAsync(r, unitId, ct), body, headers, contentLength);
    }

    public Task<ApiResponse> ListAsync(string unitId) =>
        HttpAsync("GET", $"/api/units/{unitId}/statements", (r, ct) => Function<ListStatements>().RunAsync(r, unitId, ct));

    public Task<ApiResponse> GetStatementAsync(string unitId, string statementId) =>
        HttpAsync("GET", $"/api/units/{unitId}/statements/{statementId}", (r, ct) => Function<GetStatement>().RunAsync(r, unitId, statementId, ct));

    public Task<ApiResponse> GetSummaryAsync(string unitId, string? format = null) =>
        HttpAsync("GET", $"/api/units/{unitId}/summary" + (format is null ? "" : "?format=" + format), (r, ct) => Function<GetUnitSummary>().RunAsync(r, unitId, ct));

    public Task<ApiResponse> GetRectificationsAsync(string unitId, string? format = null, string? ifNoneMatch = null) =>
        HttpAsync(
            "GET",
            $"/api/units/{unitId}/rectifications" + (format is null ? "" : "?format=" + format),
            (r, ct) => Function<GetRectifications>().RunAsync(r, unitId, ct),
            headers: ifNoneMatch is null ? null : new Dictionary<string, string> { ["If-None-Match"] = ifNoneMatch });

    public Task<ApiResponse> HealthAsync() =>
        HttpAsync("GET", "/api/health", (r, _) => Task.FromResult(Function<CheckHealth>().Run(r)));

    public async Task<ApiResponse> HttpAsync(
        string method,
        string pathAndQuery,
        Func<HttpRequest, CancellationToken, Task<IResult>> function,
        byte[]? body = null,
        IReadOnlyDictionary<string, string>? headers = null,
        long? contentLength = null)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        var queryAt = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = queryAt < 0 ? pathAndQuery : pathAndQuery[..queryAt];
        context.Request.QueryString = queryAt < 0 ? QueryString.Empty : new QueryString(pathAndQuery[queryAt..]);
        foreach (var (name, value) in DefaultHeaders.Concat(headers ?? new Dictionary<string, string>()))
        {
            context.Request.Headers[name] = value;
        }

        context.Request.Body = new MemoryStream(body ?? []);
        context.Request.ContentLength = contentLength ?? body?.Length;
        var response = new MemoryStream();
        context.Response.Body = response;

        var result = await function(context.Request, CancellationToken.None);
        await result.ExecuteAsync(context);
        return new ApiResponse(context.Response.StatusCode, context.Response.Headers, response.ToArray());
    }

    // ---- Event Grid and the queues ----

    /// <summary>
    /// Puts on statement-events the BlobCreated event Event Grid raises for an upload, in the Event Grid
    /// or CloudEvents schema, base64-encoded or not, with the properties of the real blob.
    /// </summary>
    public async Task PublishBlobCreatedAsync(string unitId, string fileName, bool cloudEvents = false, bool base64 = true, string api = "PutBlob", string container = StorageLayout.StatementsContainer)
    {
        var blob = Azurite.Blobs.GetBlobContainerClient(container).GetBlobClient(unitId + "/" + fileName);
        var properties = (await blob.GetPropertiesAsync()).Value;
        var data = new Dictionary<string, object?>
        {
            ["api"] = api,
            ["clientRequestId"] = Guid.NewGuid().ToString(),
            ["requestId"] = Guid.NewGuid().ToString(),
            ["eTag"] = properties.ETag.ToString(),
            ["contentType"] = properties.ContentType,
            ["contentLength"] = properties.ContentLength,
            ["blobType"] = "BlockBlob",
            ["url"] = blob.Uri.AbsoluteUri,
            ["sequencer"] = "0000000000000000000000000000" + DateTime.UtcNow.Ticks.ToString("X16", System.Globalization.CultureInfo.InvariantCulture),
            ["storageDiagnostics"] = new Dictionary<string, string> { ["batchId"] = Guid.NewGuid().ToString() },
        };
        const string topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-selfreview/providers/Microsoft.Storage/storageAccounts/devstoreaccount1";
        var subject = $"/blobServices/default/containers/{container}/blobs/{unitId}/{fileName}";
        Dictionary<string, object?> envelope = cloudEvents
            ? new() { ["specversion"] = "1.0", ["type"] = "Microsoft.Storage.BlobCreated", ["source"] = topic, ["id"] = Guid.NewGuid().ToString(), ["time"] = DateTimeOffset.UtcNow, ["subject"] = subject, ["data"] = data }
            : new() { ["topic"] = topic, ["subject"] = subject, ["eventType"] = "Microsoft.Storage.BlobCreated", ["id"] = Guid.NewGuid().ToString(), ["data"] = data, ["dataVersion"] = "", ["metadataVersion"] = "1", ["eventTime"] = DateTimeOffset.UtcNow };
        var json = JsonSerializer.Serialize(envelope);
        await Events.SendMessageAsync(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) : json);
    }

    /// <summary>
    /// Delivers every visible statement event to IngestStatement, <paramref name="parallel"/> at a time; returns
    /// how many. A message whose function failed stays on the queue, invisible for <paramref name="visibilityTimeout"/>
    /// (2 minutes by default), as the host leaves it; the failures are thrown together after the batch.
    /// </summary>
    public Task<int> ProcessStatementEventsAsync(int parallel = 1, TimeSpan? visibilityTimeout = null) =>
        DrainAsync(Events, (m, ct) => Function<IngestStatement>().RunAsync(m, ct), parallel, visibilityTimeout);

    /// <summary>Delivers every visible consolidation request to ConsolidateUnit (including those it sends itself); returns how many.</summary>
    public Task<int> ProcessConsolidationsAsync(int parallel = 1, TimeSpan? visibilityTimeout = null) =>
        DrainAsync(Consolidations, (m, ct) => Function<ConsolidateUnit>().RunAsync(m, ct), parallel, visibilityTimeout);

    private static async Task<int> DrainAsync(QueueClient queue, Func<QueueMessage, CancellationToken, Task> function, int parallel, TimeSpan? visibilityTimeout)
    {
        var processed = 0;
        var failures = new ConcurrentQueue<Exception>();
        while (true)
        {
            QueueMessage[] batch = (await queue.ReceiveMessagesAsync(maxMessages: Math.Min(32, parallel * 2), visibilityTimeout: visibilityTimeout ?? TimeSpan.FromMinutes(2))).Value;
            if (batch.Length == 0)
            {
                break;
            }

            var visibility = visibilityTimeout ?? TimeSpan.FromMinutes(2);
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (message, ct) =>
            {
                try
                {
                    // As the Functions host does, a message stays invisible while its function runs: its
                    // visibility is renewed every half time-out until the function ends.
                    var popReceipt = message.PopReceipt;
                    using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    var renewing = Task.Run(async () =>
                    {
                        while (!running.IsCancellationRequested)
                        {
                            await Task.Delay(visibility / 2, running.Token);
                            popReceipt = (await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: visibility, cancellationToken: running.Token)).Value.PopReceipt;
                        }
                    }, CancellationToken.None);
                    try
                    {
                        await function(message, ct);
                    }
                    finally
                    {
                        await running.CancelAsync();
                        try
                        {
                            await renewing;
                        }
                        catch (Exception e) when (e is OperationCanceledException or RequestFailedException)
                        {
                            // Stopped, or a renewal lost to a fault: the message may turn visible again, as in the host.
                        }
                    }

                    await queue.DeleteMessageAsync(message.MessageId, popReceipt, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Enqueue(e);
                }

                Interlocked.Increment(ref processed);
            });
            if (!failures.IsEmpty)
            {
                throw new AggregateException(failures);
            }
        }

        return processed;
    }
}
