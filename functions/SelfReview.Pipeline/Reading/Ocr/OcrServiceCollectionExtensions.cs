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
public static partial class OcrServiceCollectionExtensions
{
    public static IServiceCollection AddSelfReviewOcr(this IServiceCollection services)
    {
        services.AddOptions<OcrOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(OcrOptions.SectionName).Bind(options))
            .Validate(o => !OcrOptions.Validate(o).Any(), "Ocr options are invalid: check Ocr:MaxPages, MaxPixels, PageTimeoutSeconds, Dpi, PageSegmentationMode, DetectionMaxSide, IntraOpThreads and Language.")
            .ValidateOnStart();
        services.AddOptions<DocumentIntelligenceOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(DocumentIntelligenceOptions.SectionName).Bind(options));

        services.TryAddSingleton<TesseractOcrEngine>();
        services.TryAddSingleton<PaddleOcrEngine>();
        services.TryAddSingleton(provider => new DocumentIntelligenceOcrEngine(
            provider.GetRequiredService<IOptions<DocumentIntelligenceOptions>>().Value,
            CredentialFor(provider),
            provider.GetRequiredService<ILogger<DocumentIntelligenceOcrEngine>>()));
        services.TryAddSingleton<IOcrEngine>(provider => provider.GetRequiredService<IOptions<OcrOptions>>().Value.Engine switch
        {
            OcrEngineKind.DocumentIntelligence => provider.GetRequiredService<DocumentIntelligenceOcrEngine>(),
            OcrEngineKind.Tesseract => provider.GetRequiredService<TesseractOcrEngine>(),
            _ => PaddleOrFallback(provider),
        });
        return services;
    }

    /// <summary>PP-OCR when its models are installed; Tesseract, with a warning that says which file is missing, when not.</summary>
    private static IOcrEngine PaddleOrFallback(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<OcrOptions>>().Value;
        if (PaddleOcrEngine.MissingModel(options) is { } missing)
        {
            LogFallback(provider.GetRequiredService<ILoggerFactory>().CreateLogger<PaddleOcrEngine>(), missing);
            return provider.GetRequiredService<TesseractOcrEngine>();
        }

        return provider.GetRequiredService<PaddleOcrEngine>();
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Warning, Message = "PP-OCR model {Missing} not found (run scripts/setup.sh or set Ocr__ModelsDirectory); scans are read with Tesseract")]
    private static partial void LogFallback(ILogger logger, string missing);

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
