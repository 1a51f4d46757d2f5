using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Cli.Serving;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Storage;
using SelfReview.Tests.Api;
using SelfReview.Tests.Functions;

namespace SelfReview.Tests.Cli.Serving;

/// <summary>
/// <c>selfreview serve</c> in this process (<see cref="ServeApp"/>) on a free loopback port over a fresh
/// data folder, driven by a real HttpClient; processing is the background workers, awaited by polling the store.
/// </summary>
public sealed class ServeHost : IApiHost
{
    private readonly WebApplication _app;
    private readonly string _data;

    private ServeHost(WebApplication app, string data, Uri address)
    {
        _app = app;
        _data = data;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        // The suite calls as the page does for the person at this computer (the loopback owner): changes carry
        // the header the page's script adds, without which serve refuses them as possibly cross-site (CSRF).
        Client.DefaultRequestHeaders.Add(global::SelfReview.Api.Access.ApiAccess.RequestHeader, "1");
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IStatementStore Store => _app.Services.GetRequiredService<IStatementStore>();

    public static async Task<ServeHost> StartAsync(string? data = null)
    {
        data ??= Directory.CreateTempSubdirectory("selfreview-serve-").FullName;
        // Port 0: Kestrel takes a free loopback port; the consolidation delay short, as a test has no burst to wait for.
        var app = ServeApp.Build(data, "http://127.0.0.1:0", new Dictionary<string, string?> { ["Consolidation:DelaySeconds"] = "0", ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:SelfReview"] = "Warning" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServeHost(app, data, new Uri(address));
    }

    public async Task<ApiResponse> SendAsync(string method, string pathAndQuery, byte[]? body = null, IReadOnlyDictionary<string, string>? headers = null, bool announceLength = true)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        if (body is not null)
        {
            request.Content = announceLength ? new ByteArrayContent(body) : new StreamContent(new MemoryStream(body));
            if (!announceLength)
            {
                request.Headers.TransferEncodingChunked = true;
            }
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Client.SendAsync(request);
        var result = new HeaderDictionary();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            result[name] = values.ToArray();
        }

        return new ApiResponse((int)response.StatusCode, result, await response.Content.ReadAsByteArrayAsync());
    }

    public async Task ProcessAsync(string unitId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var uploads = await Store.ListUploadsAsync(unitId);
            var records = await Store.ListRecordsAsync(unitId);
            var ids = records.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            if (uploads.All(u => u.Sha256 is not null && ids.Contains(u.Sha256)) && await Store.GetReportAsync(unitId, UnitReportPublisher.StateFileName) is { } state
                && System.Text.Encoding.UTF8.GetString(state.Content).Contains(await UnitReportPublisher.FingerprintAsync(Store, unitId), StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"unit {unitId} was not processed within two minutes");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a stopping worker: the temp folder is cleaned by the system
        }
    }
}
