using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>
/// A local HTTP server on 127.0.0.1 that answers as Azure AI Document Intelligence does (REST
/// 2024-11-30: analyze answers 202 with Operation-Location, the operation answers its status and
/// analyzeResult), scripted per test. It stands in for the service only because the service cannot run here.
/// </summary>
public sealed class DocumentIntelligenceServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ReceivedRequest, int, Reply> _answer;
    private readonly Task _loop;
    private int _count;

    /// <param name="answer">The reply to the n-th request (0-based) of the test.</param>
    public DocumentIntelligenceServer(Func<ReceivedRequest, int, Reply> answer)
    {
        _answer = answer;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Where the operation of an analysis can be polled.</summary>
    public string OperationLocation(string service = "documentintelligence", string apiVersion = "2024-11-30") =>
        $"{Endpoint.AbsoluteUri}{service}/documentModels/prebuilt-layout/analyzeResults/3b9e6a1c-0000-4d5e-9f00-5e1f2a7c8d01?api-version={apiVersion}";

    public static Reply Accepted(DocumentIntelligenceServer server, string service = "documentintelligence") =>
        new(202, Headers: new Dictionary<string, string> { ["Operation-Location"] = server.OperationLocation(service), ["apim-request-id"] = "3b9e6a1c" });

    public static Reply Running(int retryAfterSeconds) =>
        new(200, """{"status":"running","createdDateTime":"2024-05-01T08:00:00Z","lastUpdatedDateTime":"2024-05-01T08:00:01Z"}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static Reply Failed(string code, string? innerCode = null) => new(200, JsonSerializer.Serialize(new
    {
        status = "failed",
        createdDateTime = "2024-05-01T08:00:00Z",
        lastUpdatedDateTime = "2024-05-01T08:00:02Z",
        error = new { code, message = "The operation failed.", innererror = innerCode is null ? null : new { code = innerCode, message = "Details." } },
    }));

    /// <summary>A succeeded operation whose analyzeResult holds these paragraphs (role may be null).</summary>
    public static Reply Succeeded(params (string? Role, string Content, int Page)[] paragraphs)
    {
        var offset = 0;
        var json = JsonSerializer.Serialize(new
        {
            status = "succeeded",
            createdDateTime = "2024-05-01T08:00:00Z",
            lastUpdatedDateTime = "2024-05-01T08:00:03Z",
            analyzeResult = new
            {
                apiVersion = "2024-11-30",
                modelId = "prebuilt-layout",
                stringIndexType = "textElements",
                content = string.Join('\n', paragraphs.Select(p => p.Content)),
                pages = paragraphs.Select(p => p.Page).Distinct().Select(n => new { pageNumber = n, angle = 0.2, width = 8.2639, height = 11.6944, unit = "inch", words = Array.Empty<object>(), lines = Array.Empty<object>(), spans = Array.Empty<object>() }),
                paragraphs = paragraphs.Select(p =>
                {
                    var span = new { offset, length = p.Content.Length };
                    offset += p.Content.Length + 1;
                    var region = new { pageNumber = p.Page, polygon = new[] { 1.0, 1.0, 7.0, 1.0, 7.0, 1.3, 1.0, 1.3 } };
                    return p.Role is null
                        ? (object)new { spans = new[] { span }, boundingRegions = new[] { region }, content = p.Content }
                        : new { role = p.Role, spans = new[] { span }, boundingRegions = new[] { region }, content = p.Content };
                }),
            },
        });
        return new Reply(200, json);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the loop ends by the listener closing under it
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var url = context.Request.Url!;
            var request = new ReceivedRequest(context.Request.HttpMethod, Uri.UnescapeDataString(url.AbsolutePath), url.Query, headers, body.ToArray());
            Requests.Enqueue(request);
            var reply = _answer(request, Interlocked.Increment(ref _count) - 1);
            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            if (reply.Json is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(reply.Json);
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
