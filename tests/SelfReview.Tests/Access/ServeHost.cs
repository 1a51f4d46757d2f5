using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfReview.Cli.Serving;
using SelfReview.Pipeline.Access;

namespace SelfReview.Tests.Access;

/// <summary>
/// <c>selfreview serve</c> on Kestrel (a free loopback port) over a fresh data folder whose access map holds a
/// key per caller of the matrix; requests go over real HTTP.
/// </summary>
public sealed class ServeHost : IApiHost
{
    private readonly WebApplication _app;
    private readonly Dictionary<CallerKind, string> _keys;

    private ServeHost(string data, WebApplication app, HttpClient client, Dictionary<CallerKind, string> keys)
    {
        Data = data;
        _app = app;
        Client = client;
        _keys = keys;
    }

    public string Unit { get; } = "unit-a";

    public string Data { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts serve; <paramref name="withKeys"/> false leaves the map empty (the loopback owner's mode).</summary>
    public static async Task<ServeHost> StartAsync(bool withKeys = true, string url = "http://127.0.0.1:0", ILoggerProvider? logs = null, Action<OpenTelemetry.IOpenTelemetryBuilder>? telemetry = null)
    {
        var data = Directory.CreateTempSubdirectory("selfreview-access-").FullName;
        var keys = new Dictionary<CallerKind, string>();
        if (withKeys)
        {
            var editor = new AccessMapEditor(new FolderAccessStore(data));
            foreach (var (caller, units, right) in new[]
            {
                (CallerKind.OtherUnit, "unit-b", AccessRight.Edit),
                (CallerKind.ReadOnly, "unit-a", AccessRight.Read),
                (CallerKind.Edit, "unit-a", AccessRight.Edit),
                (CallerKind.Admin, "unit-b", AccessRight.Read),
            })
            {
                var name = caller.ToString().ToLowerInvariant();
                var (key, entry) = ApiKeys.Create(name, DateTimeOffset.UtcNow);
                keys[caller] = key;
                await editor.UpdateAsync(m => m.WithKey(entry).WithGrant(new AccessGrant(Principals.OfKey(name), [units], right)).WithAdministrator(Principals.OfKey(name), caller == CallerKind.Admin));
            }
        }

        var app = ServeApp.Build(
            data,
            url,
            new Dictionary<string, string?> { ["Consolidation:DelaySeconds"] = "0", ["Logging:LogLevel:Default"] = "Trace" },
            services =>
            {
                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }
            },
            telemetry);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) };
        return new ServeHost(data, app, client, keys);
    }

    public IReadOnlyDictionary<string, string> HeadersOf(CallerKind caller) => caller switch
    {
        CallerKind.Anonymous => new Dictionary<string, string>(),
        CallerKind.WrongCredential => new Dictionary<string, string> { ["Authorization"] = "Bearer srk_not-a-key-of-this-serve" },
        _ => new Dictionary<string, string> { ["Authorization"] = "Bearer " + _keys[caller] },
    };

    public async Task<(int Status, string Body)> SendAsync(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, byte[]? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
            // a worker may still hold a file for a moment; the temp folder is cleaned by the OS
        }
    }
}
