using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// Registers the OCR engine the configuration names. Options bind from the host's
/// <see cref="IConfiguration"/> when it registered one (sections <c>Ocr</c> and <c>DocumentIntelligence</c>;
/// environment variables <c>Ocr__Engine</c>, <c>DocumentIntelligence__Endpoint</c> …), else keep their defaults.
/// </summary>
public static class OcrServiceCollectionExtensions
{
    public static IServiceCollection AddSelfReviewOcr(this IServiceCollection services)
    {
        services.AddOptions<OcrOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(OcrOptions.SectionName).Bind(options))
            .Validate(o => !OcrOptions.Validate(o).Any(), "Ocr options are invalid: check Ocr:MaxPages, MaxPixels, PageTimeoutSeconds, Dpi, PageSegmentationMode and Language.")
            .ValidateOnStart();
        services.AddOptions<DocumentIntelligenceOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(DocumentIntelligenceOptions.SectionName).Bind(options));

        services.TryAddSingleton<TesseractOcrEngine>();
        services.TryAddSingleton(provider => new DocumentIntelligenceOcrEngine(
            provider.GetRequiredService<IOptions<DocumentIntelligenceOptions>>().Value,
            CredentialFor(provider),
            provider.GetRequiredService<ILogger<DocumentIntelligenceOcrEngine>>()));
        services.TryAddSingleton<IOcrEngine>(provider => provider.GetRequiredService<IOptions<OcrOptions>>().Value.Engine switch
        {
            OcrEngineKind.DocumentIntelligence => provider.GetRequiredService<DocumentIntelligenceOcrEngine>(),
            _ => provider.GetRequiredService<TesseractOcrEngine>(),
        });
        return services;
    }

    /// <summary>
    /// A key (local trials) wins; otherwise the host's shared <see cref="TokenCredential"/> when it
    /// registered one, else the managed identity (user-assigned when <c>ClientId</c> is set).
    /// </summary>
    private static TokenCredential? CredentialFor(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<DocumentIntelligenceOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return null;
        }

        return provider.GetService<TokenCredential>()
            ?? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
    }
}
