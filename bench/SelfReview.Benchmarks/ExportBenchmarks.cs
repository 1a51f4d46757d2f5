using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;

namespace SelfReview.Benchmarks;

/// <summary>Exporting a 1,000-row rectification list (a generated unit's rows, repeated and renumbered to 1,000).</summary>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private const int Rows = 1000;

    private ServiceProvider _services = null!;
    private CsvExporter _csv = null!;
    private XlsxExporter _xlsx = null!;
    private DocxExporter _docx = null!;
    private RectificationList _list = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = Corpus.Engine();
        _csv = _services.GetRequiredService<CsvExporter>();
        _xlsx = _services.GetRequiredService<XlsxExporter>();
        _docx = _services.GetRequiredService<DocxExporter>();
        var records = Corpus.Records(_services.GetRequiredService<StatementProcessor>(), 150);
        var list = _services.GetRequiredService<UnitConsolidator>().Consolidate("bench", records).Rectifications;
        _list = list with { Rows = [.. Enumerable.Range(0, Rows).Select(i => list.Rows[i % list.Rows.Count] with { Number = i + 1 })] };
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public byte[] Csv() => _csv.Export(_list);

    [Benchmark]
    public byte[] Xlsx() => _xlsx.Export(_list);

    [Benchmark]
    public byte[] Docx() => _docx.Export(_list);
}
