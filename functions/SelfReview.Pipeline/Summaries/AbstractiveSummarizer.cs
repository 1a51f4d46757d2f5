using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Summaries;

/// <summary>
/// The optional abstractive summary of a statement, through a chat model (<see cref="IChatClient"/>;
/// Azure OpenAI when configured). The extractive summary is always there; this one is added only when
/// a model is registered, and a model failure never fails the statement.
/// </summary>
public sealed partial class AbstractiveSummarizer(ILogger<AbstractiveSummarizer> logger, IChatClient? chat = null)
{
    private const string Instructions =
        "你是党建工作材料审核助手。请根据下面的个人检视发言材料要点，用不超过120字的中文概括其查摆的主要问题和整改方向，语言平实，不作评价，不要出现人名。";

    public bool IsEnabled => chat is not null;

    public async Task<string?> SummarizeAsync(StatementRecord record, CancellationToken cancellationToken = default)
    {
        if (chat is null || record.Summary is null)
        {
            return null;
        }

        // Only the item titles and the extractive summary go to the model: enough to summarise, and the
        // least of the statement that leaves the system.
        var prompt = string.Join('\n', new[] { record.Summary.Text }
            .Concat(record.Summary.ProblemTitles.Select(t => "问题：" + t))
            .Concat(record.Summary.MeasureTitles.Select(t => "措施：" + t)));
        try
        {
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, prompt)],
                new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 300 },
                cancellationToken);
            var text = response.Text.Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, record.StatementId, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Abstractive summary of {StatementId} failed ({Error}); the extractive summary stands")]
    private static partial void LogFailed(ILogger logger, string statementId, string error);
}
