using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;

namespace SelfReview.Benchmarks;

/// <summary>Exporting a 1,000-row rectification list: generated units' lists one after another, cut at 1,000 rows.</summary>
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
        var consolidator = _services.GetRequiredService<UnitConsolidator>();
        var lists = Corpus.Records(_services.GetRequiredService<StatementProcessor>(), 400)
            .GroupBy(r => r.Source.FileName.Split('-')[0], StringComparer.Ordinal)
            .Select(unit => consolidator.Consolidate(unit.Key, unit).Rectifications)
            .ToList();
        var rows = lists.SelectMany(l => l.Rows).Take(Rows).Select((row, i) => row with { Number = i + 1 }).ToList();
        _list = lists[0] with { Rows = rows };
        Console.WriteLine($"// {rows.Count} rows");
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
