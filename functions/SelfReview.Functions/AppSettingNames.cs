namespace SelfReview.Functions;

/// <summary>
/// The app settings (environment variables) the app reads, by their names in Azure. The Bicep
/// deployment sets exactly these; "__" is the configuration section separator.
/// </summary>
public static class AppSettingNames
{
    /// <summary>The Functions host's own storage (leases, timers, poison bookkeeping): a connection string (Azurite).</summary>
    public const string HostStorage = "AzureWebJobsStorage";

    /// <summary>The host's storage by identity: the account name.</summary>
    public const string HostStorageAccountName = "AzureWebJobsStorage__accountName";

    /// <summary>The host's storage by identity: <c>managedidentity</c>.</summary>
    public const string HostStorageCredential = "AzureWebJobsStorage__credential";

    /// <summary>The host's storage by identity: the user-assigned identity's client id.</summary>
    public const string HostStorageClientId = "AzureWebJobsStorage__clientId";

    /// <summary>
    /// The app's storage (containers statements/records/reports, queues statement-events/unit-consolidation):
    /// a connection string (Azurite, local), or the section of the identity-based settings below. The
    /// queue triggers name it as their <c>Connection</c>; Program.cs builds the clients from it.
    /// </summary>
    public const string SelfReviewStorage = "SelfReviewStorage";

    public const string SelfReviewStorageBlobServiceUri = "SelfReviewStorage__blobServiceUri";

    public const string SelfReviewStorageQueueServiceUri = "SelfReviewStorage__queueServiceUri";

    /// <summary><c>managedidentity</c> in Azure.</summary>
    public const string SelfReviewStorageCredential = "SelfReviewStorage__credential";

    /// <summary>The user-assigned managed identity's client id; without it, DefaultAzureCredential is used.</summary>
    public const string SelfReviewStorageClientId = "SelfReviewStorage__clientId";

    /// <summary>Months after the meeting for the default deadline of rows without one.</summary>
    public const string ConsolidationDefaultDeadlineMonths = "Consolidation__DefaultDeadlineMonths";

    /// <summary>Seconds a consolidation request waits on its queue, so a burst of uploads is consolidated once.</summary>
    public const string ConsolidationDelaySeconds = "Consolidation__DelaySeconds";

    /// <summary>The OCR engine for scans: <c>DocumentIntelligence</c> in Azure (Tesseract is for one machine).</summary>
    public const string OcrEngine = "Ocr__Engine";

    public const string DocumentIntelligenceEndpoint = "DocumentIntelligence__Endpoint";

    public const string DocumentIntelligenceModelId = "DocumentIntelligence__ModelId";

    public const string DocumentIntelligenceApiVersion = "DocumentIntelligence__ApiVersion";

    /// <summary>The managed identity the app calls Document Intelligence with.</summary>
    public const string DocumentIntelligenceClientId = "DocumentIntelligence__ClientId";

    /// <summary>Optional: the Azure OpenAI endpoint for abstractive summaries.</summary>
    public const string SummariesChatEndpoint = "Summaries__ChatEndpoint";

    /// <summary>Optional: the chat deployment.</summary>
    public const string SummariesChatDeployment = "Summaries__ChatDeployment";

    /// <summary>Optional: the managed identity the app calls Azure OpenAI with.</summary>
    public const string SummariesClientId = "Summaries__ClientId";

    /// <summary>Application Insights (read by the Functions host).</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Entra ID authentication for telemetry ingestion (<c>ClientId=…;Authorization=AAD</c>).</summary>
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The configuration key of an app setting name ("A__b" is key "A:b").</summary>
    public static string ConfigurationKey(string appSettingName) => appSettingName.Replace("__", ":", StringComparison.Ordinal);
}
