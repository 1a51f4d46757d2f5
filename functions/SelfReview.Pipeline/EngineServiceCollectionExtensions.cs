using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfReview.Pipeline.Classification;
using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Docx;
using SelfReview.Pipeline.Reading.Html;
using SelfReview.Pipeline.Reading.Image;
using SelfReview.Pipeline.Reading.Ocr;
using SelfReview.Pipeline.Reading.Pdf;
using SelfReview.Pipeline.Reading.Text;
using SelfReview.Pipeline.Review;
using SelfReview.Pipeline.Summaries;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline;

/// <summary>Registers the engine's stages: one composition for both hosts (the CLI and the Functions app).</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddSelfReviewEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(DomainVocabulary.Default);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ConsolidationOptions());
        services.AddOptions<LimitsOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(LimitsOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<LimitsOptions>, LimitsOptionsValidator>());
        services.AddSingleton<IDocumentReader, DocxReader>();
        services.AddSingleton<IDocumentReader, HtmlReader>();
        services.AddSingleton<IDocumentReader, PlainTextReader>();
        services.AddSingleton<IDocumentReader, PdfTextReader>();
        services.AddSingleton<IDocumentReader, ImageReader>();
        services.AddSelfReviewOcr();
        services.TryAddSingleton<EnumeratorRecognizer>();
        services.TryAddSingleton<TextCleaner>();
        services.TryAddSingleton<TitleBlockReader>();
        services.TryAddSingleton<ContentKindGuesser>();
        services.TryAddSingleton<HeadingClassifier>();
        services.TryAddSingleton<InlineItemSplitter>();
        services.TryAddSingleton<StatementParser>();
        services.TryAddSingleton<StatementGate>();
        services.TryAddSingleton<CategoryClassifier>();
        services.TryAddSingleton<DeadlineExtractor>();
        services.TryAddSingleton<FrameworkDetector>();
        services.TryAddSingleton<ProblemMeasureLinker>();
        services.TryAddSingleton<StatementReviewer>();
        services.TryAddSingleton<StatementSummarizer>();
        // A chat model is optional: registered by the host when configured (Summaries:ChatEndpoint).
        services.AddOptions<SummariesOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?.GetSection(SummariesOptions.SectionName).Bind(options));
        services.TryAddSingleton(sp => new AbstractiveSummarizer(
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AbstractiveSummarizer>>(), sp.GetService<Microsoft.Extensions.AI.IChatClient>() ?? ChatClientFor(sp)));
        services.TryAddSingleton<StatementProcessor>();
        services.TryAddSingleton<UnitConsolidator>();
        services.TryAddSingleton<Rollups.UnitRollupBuilder>();
        services.TryAddSingleton<Exports.RollupXlsxExporter>();
        services.TryAddSingleton<Roster.RosterImporter>();
        services.TryAddSingleton<PersonalListExporter>();
        services.TryAddSingleton<TeamListExporter>();
        services.TryAddSingleton<ReportWriter>();
        services.TryAddSingleton<CsvExporter>();
        services.TryAddSingleton<XlsxExporter>();
        services.TryAddSingleton<DocxExporter>();
        services.TryAddSingleton<MarkdownExporter>();
        services.TryAddSingleton<UnitReportPublisher>();
        services.TryAddSingleton<UnitConsolidationRunner>();
        services.TryAddSingleton<Storage.StatementIngestor>();
        services.TryAddSingleton<Storage.StatementUploader>();
        services.TryAddSingleton<Storage.UnitStatusReader>();
        services.TryAddSingleton<Storage.UnitStatusIndexer>();
        services.TryAddSingleton<Storage.IStatusIndexWriter>(sp => sp.GetRequiredService<Storage.UnitStatusIndexer>());
        services.TryAddSingleton<UpwardReportExporter>();
        services.TryAddSingleton<MemberNoteExporter>();
        return services;
    }

    /// <summary>The Azure OpenAI chat client when <c>Summaries</c> names a deployment; else none.</summary>
    private static AzureOpenAIChatClient? ChatClientFor(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SummariesOptions>>().Value;
        if (!options.IsConfigured)
        {
            return null;
        }

        var credential = string.IsNullOrWhiteSpace(options.Key)
            ? provider.GetService<Azure.Core.TokenCredential>() ?? new Azure.Identity.ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ClientId)
                ? Azure.Identity.ManagedIdentityId.SystemAssigned
                : Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(options.ClientId))
            : null;
        return new AzureOpenAIChatClient(options, credential);
    }
}
