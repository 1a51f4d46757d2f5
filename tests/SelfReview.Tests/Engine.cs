using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;

namespace SelfReview.Tests;

/// <summary>The engine as the hosts compose it, for tests.</summary>
public static class Engine
{
    private static readonly Lazy<ServiceProvider> Shared = new(() => Build());

    public static IServiceProvider Services => Shared.Value;

    public static T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static ServiceProvider Build(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        services.AddSelfReviewEngine();
        return services.BuildServiceProvider();
    }

    public static Task<StatementRecord> ProcessAsync(byte[] bytes, string fileName, string unitId = "test") =>
        Get<StatementProcessor>().ProcessAsync(bytes, fileName, unitId);

    public static Task<StatementRecord> ProcessFileAsync(string path, string unitId = "test") =>
        ProcessAsync(File.ReadAllBytes(path), Path.GetFileName(path), unitId);

    public static IReadOnlyList<StatementItem> Items(this StatementRecord record, SectionKind kind) =>
        [.. record.Sections.Where(s => s.Kind == kind).SelectMany(s => s.Items)];
}
