using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Reading.Ocr;
using SelfReview.Pipeline.Storage;
using SelfReview.Pipeline.Summaries;

namespace SelfReview.Pipeline;

/// <summary>
/// Binds every options class of the engine to its configuration section and validates it when the
/// host starts (data annotations), so a wrong setting stops the host with its name instead of failing
/// the first upload. The host registers its <c>IConfiguration</c>; the engine reads only <c>IOptions&lt;T&gt;</c>.
/// </summary>
public static class OptionsServiceCollectionExtensions
{
    public static IServiceCollection AddSelfReviewOptions(this IServiceCollection services)
    {
        Bind<ConsolidationOptions>(services, ConsolidationOptions.SectionName);
        Bind<UploadOptions>(services, UploadOptions.SectionName);
        Bind<OcrOptions>(services, OcrOptions.SectionName);
        Bind<DocumentIntelligenceOptions>(services, DocumentIntelligenceOptions.SectionName);
        Bind<SummariesOptions>(services, SummariesOptions.SectionName);
        Bind<AccessOptions>(services, AccessOptions.SectionName);
        // The consolidator takes the options object itself; registered before the engine's TryAdd default.
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ConsolidationOptions>>().Value);
        return services;
    }

    private static void Bind<T>(IServiceCollection services, string section)
        where T : class => services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
