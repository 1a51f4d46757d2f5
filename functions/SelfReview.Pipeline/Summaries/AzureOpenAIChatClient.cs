using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.AI;

namespace SelfReview.Pipeline.Summaries;

/// <summary>
/// An <see cref="IChatClient"/> over Azure OpenAI chat completions, called through Azure.Core's
/// HttpPipeline (retries with back-off on 429/5xx, managed-identity bearer tokens):
/// <c>POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…</c>, answer in
/// <c>choices[0].message.content</c>. The Azure OpenAI SDK is not served on this project's registry;
/// the wire format is small enough to speak directly.
/// </summary>
public sealed class AzureOpenAIChatClient : IChatClient
{
    private const string Scope = "https://cognitiveservices.azure.com/.default";
    private readonly HttpPipeline _pipeline;
    private readonly Uri _completions;

    public AzureOpenAIChatClient(SummariesOptions options, TokenCredential? credential)
    {
        if (!options.IsConfigured)
        {
            throw new ArgumentException("Summaries:ChatEndpoint and Summaries:ChatDeployment are required.", nameof(options));
        }

        var clientOptions = new ChatPipelineOptions();
        HttpPipelinePolicy auth = !string.IsNullOrWhiteSpace(options.Key)
            ? new KeyPolicy(options.Key)
            : new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), Scope);
        _pipeline = HttpPipelineBuilder.Build(clientOptions, auth);
        var endpoint = options.ChatEndpoint!.AbsoluteUri.TrimEnd('/');
        _completions = new Uri($"{endpoint}/openai/deployments/{Uri.EscapeDataString(options.ChatDeployment!)}/chat/completions?api-version={Uri.EscapeDataString(options.ApiVersion)}");
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role.Value, ["content"] = m.Text })]),
        };
        if (options?.Temperature is float temperature)
        {
            body["temperature"] = temperature;
        }

        if (options?.MaxOutputTokens is int max)
        {
            body["max_tokens"] = max;
        }

        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(_completions);
        message.Request.Headers.Add("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        await _pipeline.SendAsync(message, cancellationToken);

        var response = message.Response;
        if (response.IsError)
        {
            throw new HttpRequestException($"Azure OpenAI answered {response.Status} {response.ReasonPhrase}.", null, (System.Net.HttpStatusCode)response.Status);
        }

        try
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            var content = json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString() ?? string.Empty;
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, content));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidOperationException("Azure OpenAI's answer is not a chat completion.", ex);
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Summaries do not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private sealed class ChatPipelineOptions : ClientOptions;

    /// <summary>Sends the resource key as <c>api-key</c> (local trials).</summary>
    private sealed class KeyPolicy(string key) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue("api-key", key);
    }
}
