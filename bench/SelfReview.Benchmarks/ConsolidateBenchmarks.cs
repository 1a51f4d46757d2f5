using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Benchmarks;

/// <summary>
/// Consolidating one unit of 100, 1,000 and 10,000 generated statements (their records, processed
/// from .docx in the setup). Few, long iterations: a 10,000-statement unit takes seconds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ConsolidateBenchmarks
{
    private ServiceProvider _services = null!;
    private UnitConsolidator _consolidator = null!;
    private List<StatementRecord> _records = [];

    [Params(100, 1000, 10000)]
    public int Statements { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = Corpus.Engine();
        _consolidator = _services.GetRequiredService<UnitConsolidator>();
        _records = Corpus.Records(_services.GetRequiredService<StatementProcessor>(), Statements);
        Console.WriteLine($"// {Statements} statements, {_records.Sum(r => r.Summary?.Problems ?? 0)} problems");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public UnitReport Consolidate() => _consolidator.Consolidate("bench", _records);
}
