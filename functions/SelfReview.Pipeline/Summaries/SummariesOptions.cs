namespace SelfReview.Pipeline.Summaries;

/// <summary>
/// The optional chat model for abstractive summaries (configuration section <c>Summaries</c>): an Azure
/// OpenAI deployment. Without <see cref="ChatEndpoint"/> and <see cref="ChatDeployment"/> only the
/// extractive summary is written.
/// </summary>
public sealed class SummariesOptions
{
    public const string SectionName = "Summaries";

    /// <summary>The Azure OpenAI resource endpoint, e.g. <c>https://my-openai.openai.azure.com/</c>.</summary>
    public Uri? ChatEndpoint { get; set; }

    /// <summary>The chat model deployment name.</summary>
    public string? ChatDeployment { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ClientId { get; set; }

    /// <summary>A resource key, sent as <c>api-key</c>: for local trials only, never in Azure.</summary>
    public string? Key { get; set; }

    /// <summary>The data-plane API version of chat completions.</summary>
    public string ApiVersion { get; set; } = "2024-10-21";

    public bool IsConfigured => ChatEndpoint is not null && !string.IsNullOrWhiteSpace(ChatDeployment);
}
