using SelfReview.Contracts;
using SelfReview.Pipeline.Classification;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Tests.Exports;

/// <summary>A real-sized unit: the 40 corpus statements 001–040 (.txt), consolidated for a meeting on 2025-01-20.</summary>
public static class FortyMemberUnit
{
    public const string UnitName = "某区发展改革局";

    public static readonly DateOnly MeetingDate = new(2025, 1, 20);

    private static readonly Lazy<Task<List<StatementRecord>>> Shared = new(async () =>
    {
        var records = new List<StatementRecord>();
        for (var i = 1; i <= 40; i++)
        {
            records.Add(await Engine.ProcessFileAsync(TestFiles.CorpusFile(i.ToString("000", System.Globalization.CultureInfo.InvariantCulture) + ".txt"), "unit-40"));
        }

        return records;
    });

    public static Task<List<StatementRecord>> RecordsAsync() => Shared.Value;

    public static UnitConsolidator Consolidator() => new(
        new ConsolidationOptions { UnitName = UnitName, MeetingDate = MeetingDate },
        TimeProvider.System,
        Engine.Get<DomainVocabulary>(),
        Engine.Get<DeadlineExtractor>());

    public static async Task<UnitReport> ReportAsync(IEnumerable<StatementRecord>? extra = null) =>
        Consolidator().Consolidate("unit-40", [.. await RecordsAsync(), .. extra ?? []]);
}
