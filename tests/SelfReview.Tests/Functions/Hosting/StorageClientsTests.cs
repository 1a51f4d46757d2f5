using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfReview.Functions;
using SelfReview.Functions.Hosting;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Tests.Functions.Hosting;

/// <summary>The app settings by their Azure names (environment variables, "__" as separator), as the Bicep sets them.</summary>
public sealed class StorageClientsTests : IDisposable
{
    private readonly string _prefix = "SELFREVIEW_TEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
    private readonly List<string> _set = [];

    private IConfiguration AppSettings(params (string Name, string Value)[] settings)
    {
        foreach (var (name, value) in settings)
        {
            Environment.SetEnvironmentVariable(_prefix + name, value);
            _set.Add(_prefix + name);
        }

        return new ConfigurationBuilder().AddEnvironmentVariables(_prefix).Build();
    }

    [Fact]
    public void AddSelfReviewStorageClients_UsesTheManagedIdentity_WithTheIdentityBasedSettings()
    {
        var configuration = AppSettings(
            (AppSettingNames.SelfReviewStorageBlobServiceUri, "https://stselfreview.blob.core.windows.net"),
            (AppSettingNames.SelfReviewStorageQueueServiceUri, "https://stselfreview.queue.core.windows.net"),
            (AppSettingNames.SelfReviewStorageCredential, "managedidentity"),
            (AppSettingNames.SelfReviewStorageClientId, "00000000-0000-0000-0000-000000000001"));

        using var services = Services(configuration);

        Assert.Equal("stselfreview", services.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Equal(new Uri("https://stselfreview.queue.core.windows.net"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.IsType<ManagedIdentityCredential>(services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void AddSelfReviewStorageClients_UsesDefaultAzureCredential_WithoutAClientId()
    {
        var configuration = AppSettings(
            (AppSettingNames.SelfReviewStorageBlobServiceUri, "https://stselfreview.blob.core.windows.net"),
            (AppSettingNames.SelfReviewStorageQueueServiceUri, "https://stselfreview.queue.core.windows.net"));

        using var services = Services(configuration);

        Assert.IsType<DefaultAzureCredential>(services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public void AddSelfReviewStorageClients_TakesAConnectionString_AsAzuriteNeeds()
    {
        var configuration = AppSettings((AppSettingNames.SelfReviewStorage, "UseDevelopmentStorage=true"));

        using var services = Services(configuration);

        Assert.Equal("devstoreaccount1", services.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Null(services.GetService<TokenCredential>());
    }

    [Fact]
    public void AddSelfReviewStorageClients_NamesTheSettings_WhenStorageIsNotConfigured()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSelfReviewStorageClients(AppSettings()));

        Assert.Contains("SelfReviewStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountName_TakesTheCloudsEndpointSuffix_ForAzureChina()
    {
        var configuration = AppSettings(
            (AppSettingNames.SelfReviewStorage + "__accountName", "stselfreview"),
            (AppSettingNames.SelfReviewStorage + "__endpointSuffix", "core.chinacloudapi.cn"),
            (AppSettingNames.SelfReviewStorageClientId, "00000000-0000-0000-0000-000000000001"));
        using var services = Services(configuration);

        Assert.Equal(new Uri("https://stselfreview.blob.core.chinacloudapi.cn"), services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("https://stselfreview.queue.core.chinacloudapi.cn"), services.GetRequiredService<QueueServiceClient>().Uri);
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddSelfReviewStorageClients(configuration).BuildServiceProvider();

    [Fact]
    public void AddSelfReviewFunctions_BindsTheConsolidationSettings()
    {
        var configuration = AppSettings(
            (AppSettingNames.SelfReviewStorage, "UseDevelopmentStorage=true"),
            (AppSettingNames.ConsolidationDelaySeconds, "7"),
            (AppSettingNames.ConsolidationDefaultDeadlineMonths, "6"));
        using var services = new ServiceCollection().AddLogging().AddSelfReviewFunctions(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<ConsolidationOptions>();

        Assert.Equal(7, options.DelaySeconds);
        Assert.Equal(6, options.DefaultDeadlineMonths);
        Assert.Same(options, services.GetRequiredService<IOptions<ConsolidationOptions>>().Value);
    }

    [Fact]
    public void AddSelfReviewFunctions_RefusesADelayOutOfRange()
    {
        var configuration = AppSettings((AppSettingNames.SelfReviewStorage, "UseDevelopmentStorage=true"), (AppSettingNames.ConsolidationDelaySeconds, "-1"));
        using var services = new ServiceCollection().AddLogging().AddSelfReviewFunctions(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ConsolidationOptions>());

        Assert.Contains("DelaySeconds", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var name in _set)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
