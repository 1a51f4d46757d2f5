using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// OCR with Azure AI Document Intelligence, called over its REST API through an Azure.Core
/// <see cref="HttpPipeline"/> (retries with Retry-After on 429 and 5xx, logging without bodies, and
/// managed-identity or key authentication). The file goes to the service as it is (PDFs need no
/// rendering here); <c>pages</c> selects the pages without a text layer.
/// </summary>
/// <remarks>
/// Protocol (Document Models – Analyze Document, 2024-11-30; the same for 2023-07-31 under
/// <c>/formrecognizer</c>): <c>POST {endpoint}/documentintelligence/documentModels/{modelId}:analyze?api-version=…&amp;pages=…</c>
/// with the bytes answers 202 and an <c>Operation-Location</c>; a GET there answers
/// <c>{ status: notStarted | running | succeeded | failed | canceled, analyzeResult?, error? }</c>,
/// polled after each <c>Retry-After</c>.
/// </remarks>
public sealed partial class DocumentIntelligenceOcrEngine : IOcrEngine
{
    /// <summary>The Entra ID scope of Azure AI services.</summary>
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    // Error codes the error guide (Document Intelligence "Error guide v4.0, v3.1, and v3.0") lists for a
    // file the service cannot read: they are the file's fault and retrying cannot help, so they reject
    // the upload. Every other code (InternalServerError, ServiceUnavailable, Forbidden, Unauthorized,
    // ModelNotFound, InvalidArgument …) is the service's or the configuration's, and is thrown.
    private static readonly Dictionary<string, (string Code, string Reason)> ContentErrors = new(StringComparer.Ordinal)
    {
        ["InvalidContent"] = ("unreadable", "文件已损坏或格式不受文字识别服务支持"),
        ["UnsupportedContent"] = ("unreadable", "文件内容不受文字识别服务支持"),
        ["InvalidContentDimensions"] = ("image_too_large", "图片尺寸超出文字识别服务支持的范围"),
        ["InvalidContentLength"] = ("image_too_large", "文件超出文字识别服务允许的大小"),
    };

    private readonly DocumentIntelligenceOptions _options;
    private readonly HttpPipeline _pipeline;
    private readonly ILogger<DocumentIntelligenceOcrEngine> _logger;

    /// <param name="options">Endpoint, model, API version, key.</param>
    /// <param name="credential">The identity to authenticate with; null uses <see cref="DocumentIntelligenceOptions.Key"/>.</param>
    /// <param name="logger">Logs ids, counts and codes only.</param>
    public DocumentIntelligenceOcrEngine(DocumentIntelligenceOptions options, TokenCredential? credential, ILogger<DocumentIntelligenceOcrEngine> logger)
    {
        if (DocumentIntelligenceOptions.Validate(options).FirstOrDefault() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        HttpPipelinePolicy authentication = credential is not null
            ? new BearerTokenAuthenticationPolicy(credential, Scope)
            : new SubscriptionKeyPolicy(!string.IsNullOrWhiteSpace(options.Key)
                ? options.Key
                : throw new InvalidOperationException("DocumentIntelligence needs a credential (managed identity) or DocumentIntelligence:Key."));
        _options = options;
        _logger = logger;
        _pipeline = HttpPipelineBuilder.Build(new ClientPipelineOptions(options), authentication);
    }

    public TextOrigin Origin => TextOrigin.OcrDocumentIntelligence;

    public async Task<ReadOutcome> RecognizeAsync(OcrRequest request, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        try
        {
            return await AnalyzeAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DocumentIntelligenceException($"Document Intelligence did not finish within {_options.OperationTimeout}.");
        }
    }

    private async Task<ReadOutcome> AnalyzeAsync(OcrRequest request, CancellationToken cancellationToken)
    {
        using var submit = _pipeline.CreateMessage();
        submit.Request.Method = RequestMethod.Post;
        // Only a PDF is read in part (the pages without a text layer); an image is always read whole.
        submit.Request.Uri.Reset(AnalyzeUri(request.Format.Kind == FileKind.Pdf ? request.Pages : []));
        submit.Request.Headers.SetValue("Content-Type", "application/octet-stream");
        submit.Request.Content = RequestContent.Create(request.Content);
        await _pipeline.SendAsync(submit, cancellationToken);
        var accepted = submit.Response;
        if (accepted.Status != 202)
        {
            return FromErrorResponse(accepted);
        }

        if (!accepted.Headers.TryGetValue("Operation-Location", out var location) || !Uri.TryCreate(location, UriKind.Absolute, out var operation))
        {
            throw new DocumentIntelligenceException("Document Intelligence accepted the analysis (202) without an absolute Operation-Location header.");
        }

        LogSubmitted(_logger, request.Pages.Count, _options.ModelId);
        var wait = RetryAfter(accepted) ?? _options.PollInterval;
        for (var poll = 1; ; poll++)
        {
            await Task.Delay(wait, cancellationToken);
            using var get = _pipeline.CreateMessage();
            get.Request.Method = RequestMethod.Get;
            get.Request.Uri.Reset(operation);
            await _pipeline.SendAsync(get, cancellationToken);
            var response = get.Response;
            if (response.Status != 200)
            {
                // 429 and 5xx were already retried by the pipeline; what is left is not transient here.
                throw new RequestFailedException(response);
            }

            using var body = Parse(response);
            var root = body.RootElement;
            var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : throw Malformed("the operation has no status");
            switch (status)
            {
                case "notStarted" or "running":
                    wait = RetryAfter(response) ?? _options.PollInterval;
                    continue;
                case "succeeded":
                    if (!root.TryGetProperty("analyzeResult", out var result))
                    {
                        throw Malformed("a succeeded operation has no analyzeResult");
                    }

                    var blocks = AnalyzeResultReader.Read(result);
                    LogSucceeded(_logger, request.Pages.Count, poll, blocks.Count);
                    return ReadOutcome.Read(new TextDocument(blocks, Origin, request.Pages.Count));
                case "failed":
                    return FromError(root.TryGetProperty("error", out var error) ? error : default, $"the analysis failed");
                case "canceled":
                    throw new DocumentIntelligenceException("The Document Intelligence analysis was canceled.", "canceled");
                default:
                    throw Malformed($"unknown operation status '{status}'");
            }
        }
    }

    private Uri AnalyzeUri(IReadOnlyList<int> pages)
    {
        var endpoint = _options.Endpoint!.AbsoluteUri.TrimEnd('/');
        var service = _options.LegacyPath ? "formrecognizer" : "documentintelligence";
        var uri = new StringBuilder($"{endpoint}/{service}/documentModels/{Uri.EscapeDataString(_options.ModelId)}:analyze?api-version={Uri.EscapeDataString(_options.ApiVersion)}");
        if (pages.Count > 0)
        {
            uri.Append("&pages=").Append(Uri.EscapeDataString(PageRanges(pages)));
        }

        return new Uri(uri.ToString());
    }

    /// <summary>1-based pages as the service's ranges: [1,2,3,5] → "1-3,5".</summary>
    internal static string PageRanges(IReadOnlyList<int> pages)
    {
        var parts = new List<string>();
        var sorted = pages.Distinct().Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? Num(sorted[i]) : $"{Num(sorted[i])}-{Num(sorted[j])}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    /// <summary>A non-202 answer to the submission: a content error is a rejection, anything else is thrown.</summary>
    private ReadOutcome FromErrorResponse(Response response)
    {
        if (response.Status is >= 400 and < 500 && TryParse(response) is { } body)
        {
            using (body)
            {
                if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("error", out var error)
                    && ContentError(error) is { } content)
                {
                    LogRejected(_logger, content.ServiceCode);
                    return ReadOutcome.Rejected(content.Code, content.Reason);
                }
            }
        }

        throw new RequestFailedException(response);
    }

    private ReadOutcome FromError(JsonElement error, string what)
    {
        if (ContentError(error) is { } content)
        {
            LogRejected(_logger, content.ServiceCode);
            return ReadOutcome.Rejected(content.Code, content.Reason);
        }

        var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        throw new DocumentIntelligenceException($"Document Intelligence: {what} with error code '{code ?? "(none)"}'.", code);
    }

    /// <summary>The first content error among error.code, its innererror chain and its details.</summary>
    private static (string Code, string Reason, string ServiceCode)? ContentError(JsonElement error)
    {
        foreach (var code in Codes(error))
        {
            if (ContentErrors.TryGetValue(code, out var rejection))
            {
                return (rejection.Code, rejection.Reason, code);
            }
        }

        return null;
    }

    private static IEnumerable<string> Codes(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
        {
            yield return code.GetString()!;
        }

        if (error.TryGetProperty("innererror", out var inner))
        {
            foreach (var c in Codes(inner))
            {
                yield return c;
            }
        }

        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var detail in details.EnumerateArray())
            {
                foreach (var c in Codes(detail))
                {
                    yield return c;
                }
            }
        }
    }

    /// <summary>Retry-After in seconds or as an HTTP date (RFC 9110 10.2.3), or retry-after-ms.</summary>
    private static TimeSpan? RetryAfter(Response response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Max(at - DateTimeOffset.UtcNow, TimeSpan.Zero)
            : null;
    }

    private static JsonDocument Parse(Response response) =>
        TryParse(response) ?? throw Malformed($"the operation answer (HTTP {response.Status}) is not JSON");

    private static JsonDocument? TryParse(Response response)
    {
        try
        {
            return response.ContentStream is null ? null : JsonDocument.Parse(response.Content.ToMemory());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DocumentIntelligenceException Malformed(string what) =>
        new($"Document Intelligence returned a malformed answer: {what}.");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Azure.Core client options: exponential retries honouring Retry-After, no bodies in logs.</summary>
    private sealed class ClientPipelineOptions : ClientOptions
    {
        public ClientPipelineOptions(DocumentIntelligenceOptions options)
        {
            Retry.Mode = RetryMode.Exponential;
            Retry.MaxRetries = options.MaxRetries;
            Retry.Delay = TimeSpan.FromSeconds(1);
            Retry.MaxDelay = TimeSpan.FromSeconds(60);
            Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
            Diagnostics.IsLoggingContentEnabled = false; // statements are sensitive
            Diagnostics.ApplicationId = "SelfReview";
            Diagnostics.LoggedHeaderNames.Add("Operation-Location");
            Diagnostics.LoggedHeaderNames.Add("apim-request-id");
        }
    }

    [LoggerMessage(EventId = 421, Level = LogLevel.Information, Message = "Document Intelligence analysis of {Pages} pages submitted to model {ModelId}")]
    private static partial void LogSubmitted(ILogger logger, int pages, string modelId);

    [LoggerMessage(EventId = 422, Level = LogLevel.Information, Message = "Document Intelligence analysis of {Pages} pages succeeded after {Polls} polls: {Paragraphs} paragraphs")]
    private static partial void LogSucceeded(ILogger logger, int pages, int polls, int paragraphs);

    [LoggerMessage(EventId = 423, Level = LogLevel.Information, Message = "Document Intelligence rejected the file: {ErrorCode}")]
    private static partial void LogRejected(ILogger logger, string errorCode);
}
