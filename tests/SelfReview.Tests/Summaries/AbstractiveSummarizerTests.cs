using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;

namespace SelfReview.Tests.Summaries;

/// <summary>
/// The chat model cannot run here, so a stand-in <see cref="IChatClient"/> answers; it records what the
/// engine sent, which is what these tests check.
/// </summary>
public sealed class AbstractiveSummarizerTests
{
    [Fact]
    public async Task Process_AddsTheModelsSummary_AndSendsOnlyTitlesAndCounts()
    {
        var chat = new RecordingChatClient("该同志查摆了理论学习、创新本领等方面问题，提出强化理论武装等整改方向。");
        using var services = Engine.Build(s => s.AddSingleton<IChatClient>(chat));

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedText), "seed.txt", "u");

        Assert.Equal("该同志查摆了理论学习、创新本领等方面问题，提出强化理论武装等整改方向。", record.Summary!.Abstractive);
        var sent = string.Join('\n', chat.Sent.Select(m => m.Text));
        Assert.Contains("问题：创新本领还有待提升", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("对照A提出的", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_KeepsTheExtractiveSummary_WhenTheModelFails()
    {
        using var services = Engine.Build(s => s.AddSingleton<IChatClient>(new RecordingChatClient(null)));

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedText), "seed.txt", "u");

        Assert.Equal(RecordStatus.Accepted, record.Status);
        Assert.Null(record.Summary!.Abstractive);
        Assert.StartsWith("查摆问题 4 个", record.Summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_HasNoAbstractiveSummary_WithoutAModel()
    {
        var record = await Engine.ProcessFileAsync(TestFiles.SeedText);

        Assert.Null(record.Summary!.Abstractive);
    }

    private sealed class RecordingChatClient(string? answer) : IChatClient
    {
        public List<ChatMessage> Sent { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Sent.AddRange(messages);
            return answer is null
                ? throw new HttpRequestException("model unavailable")
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
