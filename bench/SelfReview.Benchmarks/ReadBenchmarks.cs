using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Docx;

namespace SelfReview.Benchmarks;

/// <summary>Reading a typical statement (the median length of 200 generated ones): the .docx reader alone, and bytes to record.</summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private static readonly DetectedFormat Docx = new(FileKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)");

    private ServiceProvider _services = null!;
    private DocxReader _reader = null!;
    private StatementProcessor _processor = null!;
    private byte[] _typical = [];

    [GlobalSetup]
    public void Setup()
    {
        _services = Corpus.Engine();
        _reader = _services.GetServices<IDocumentReader>().OfType<DocxReader>().Single();
        _processor = _services.GetRequiredService<StatementProcessor>();
        var statements = Corpus.Docx(200).Select(d => d.Docx).ToList();
        var lengths = statements.Select(d => _reader.ReadAsync(d, Docx).GetAwaiter().GetResult().Document!.Characters).ToList();
        _typical = statements[Enumerable.Range(0, statements.Count).OrderBy(i => lengths[i]).ElementAt(statements.Count / 2)];
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public Task<ReadOutcome> ReadDocx() => _reader.ReadAsync(_typical, Docx);

    [Benchmark]
    public Task<StatementRecord> DocxToRecord() => _processor.ProcessAsync(_typical, "typical.docx", "bench");
}
