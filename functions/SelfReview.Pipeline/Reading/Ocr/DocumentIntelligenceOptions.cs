namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// Azure AI Document Intelligence (configuration section <c>DocumentIntelligence</c>), used when
/// <c>Ocr:Engine</c> is <c>DocumentIntelligence</c>. In Azure the app authenticates with its managed
/// identity; a key is for local trials only.
/// </summary>
public sealed class DocumentIntelligenceOptions
{
    public const string SectionName = "DocumentIntelligence";

    /// <summary>The resource endpoint, e.g. <c>https://my-di.cognitiveservices.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model; prebuilt-layout gives paragraphs with roles (title, sectionHeading, pageHeader …).</summary>
    public string ModelId { get; set; } = "prebuilt-layout";

    /// <summary>The REST API version: 2024-11-30 (v4.0 GA) by default; 2023-07-31 (v3.1 GA) also works.</summary>
    public string ApiVersion { get; set; } = "2024-11-30";

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ClientId { get; set; }

    /// <summary>A resource key, sent as <c>Ocp-Apim-Subscription-Key</c>: for local use only, never in Azure.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// Use the v3 path <c>{endpoint}/formrecognizer/documentModels/…</c> instead of
    /// <c>{endpoint}/documentintelligence/documentModels/…</c>. Unset: derived from <see cref="ApiVersion"/>
    /// (the v3 versions 2022-08-31 and 2023-07-31 live under formrecognizer; 2023-10-31-preview and later
    /// under documentintelligence).
    /// </summary>
    public bool? UseLegacyFormRecognizerPath { get; set; }

    /// <summary>How long to wait between polls when the service sends no Retry-After.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one analysis may take, polls included, before it counts as a failure.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a request the service throttled (429) or failed transiently (5xx), honouring Retry-After.</summary>
    public int MaxRetries { get; set; } = 5;

    internal bool LegacyPath => UseLegacyFormRecognizerPath ?? string.CompareOrdinal(ApiVersion, "2023-10-31") < 0;

    internal static IEnumerable<string> Validate(DocumentIntelligenceOptions options)
    {
        if (options.Endpoint is null || !options.Endpoint.IsAbsoluteUri)
        {
            yield return "DocumentIntelligence:Endpoint must be set to the resource's https endpoint.";
        }

        if (string.IsNullOrWhiteSpace(options.ModelId))
        {
            yield return "DocumentIntelligence:ModelId must be set (prebuilt-layout).";
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            yield return "DocumentIntelligence:ApiVersion must be set (2024-11-30).";
        }
    }
}
