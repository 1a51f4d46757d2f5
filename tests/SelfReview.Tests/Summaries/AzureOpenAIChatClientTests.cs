using System.Text.Json;
using Microsoft.Extensions.AI;
using SelfReview.Pipeline.Summaries;
using SelfReview.Tests.Reading.Ocr;

namespace SelfReview.Tests.Summaries;

/// <summary>Azure OpenAI cannot run here: a local server answers in its documented chat-completions wire format.</summary>
public sealed class AzureOpenAIChatClientTests
{
    private const string Completion = """{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"查摆了理论学习等方面问题。"},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":8,"total_tokens":18}}""";

    [Fact]
    public async Task GetResponse_PostsTheMessagesToTheDeployment_AndReadsTheAnswer()
    {
        using var server = new DocumentIntelligenceServer((_, _) => new Reply(200, Completion));
        using var client = new AzureOpenAIChatClient(Options(server), credential: null);

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "概括"), new ChatMessage(ChatRole.User, "问题：理论学习不深")],
            new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 300 });

        Assert.Equal("查摆了理论学习等方面问题。", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/openai/deployments/gpt-4o-mini/chat/completions", request.Path);
        Assert.Equal("?api-version=2024-10-21", request.Query);
        Assert.Equal("local-key", request.Headers["api-key"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(["system", "user"], body.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(300, body.RootElement.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task GetResponse_RetriesAfterThrottling()
    {
        using var server = new DocumentIntelligenceServer((_, n) => n == 0
            ? new Reply(429, """{"error":{"code":"429"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" })
            : new Reply(200, Completion));
        using var client = new AzureOpenAIChatClient(Options(server), credential: null);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        Assert.Equal("查摆了理论学习等方面问题。", response.Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetResponse_Throws_OnAnAnswerThatIsNotACompletion()
    {
        using var server = new DocumentIntelligenceServer((_, _) => new Reply(200, """{"unexpected":true}"""));
        using var client = new AzureOpenAIChatClient(Options(server), credential: null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));
    }

    private static SummariesOptions Options(DocumentIntelligenceServer server) => new()
    {
        ChatEndpoint = server.Endpoint,
        ChatDeployment = "gpt-4o-mini",
        Key = "local-key",
    };
}
