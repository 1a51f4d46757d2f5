using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfReview.Contracts;
using SelfReview.Fixtures;
using SelfReview.Pipeline;

namespace SelfReview.Benchmarks;

/// <summary>What the benchmarks run on: generated statements (seed 1) and the engine as the hosts compose it.</summary>
public static class Corpus
{
    public const int Seed = 1;

    public static ServiceProvider Engine()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSelfReviewEngine();
        return services.BuildServiceProvider();
    }

    /// <summary>The first <paramref name="count"/> generated statements as .docx bytes, with their file names.</summary>
    public static List<(string FileName, byte[] Docx)> Docx(int count) =>
        [.. new CorpusGenerator(Seed).Generate(count).AsParallel().AsOrdered().Select(s => (s.FileName, s.ToDocx()))];

    /// <summary>Records of the first <paramref name="count"/> generated statements, processed from .docx.</summary>
    public static List<StatementRecord> Records(StatementProcessor processor, int count) =>
        [.. Docx(count).AsParallel().AsOrdered().Select(d => processor.ProcessAsync(d.Docx, d.FileName, "bench").GetAwaiter().GetResult())];
}
