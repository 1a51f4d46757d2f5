using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Classification;
using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Docx;

namespace SelfReview.Benchmarks;

/// <summary>
/// The text stages on the generated statement nearest 5,000 characters among the first 1,000 (the one
/// `selfreview bench` picks from 1,000 files): clean + parse + classify
/// (the parser's target: under 2 ms median), and everything after reading (Analyze).
/// </summary>
[MemoryDiagnoser]
public class AnalyzeBenchmarks
{
    private ServiceProvider _services = null!;
    private TextCleaner _cleaner = null!;
    private StatementParser _parser = null!;
    private CategoryClassifier _classifier = null!;
    private StatementProcessor _processor = null!;
    private TextDocument _document = null!;
    private SourceInfo _source = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = Corpus.Engine();
        _cleaner = _services.GetRequiredService<TextCleaner>();
        _parser = _services.GetRequiredService<StatementParser>();
        _classifier = _services.GetRequiredService<CategoryClassifier>();
        _processor = _services.GetRequiredService<StatementProcessor>();
        var reader = _services.GetServices<IDocumentReader>().OfType<DocxReader>().Single();
        var format = new DetectedFormat(FileKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)");
        _document = Corpus.Docx(1000)
            .Select(d => reader.ReadAsync(d.Docx, format).GetAwaiter().GetResult().Document!)
            .MinBy(d => Math.Abs(d.Characters - 5000))!;
        _source = new SourceInfo { FileName = "statement.docx", MediaType = format.MediaType, Size = 0, Sha256 = "bench" };
        Console.WriteLine($"// statement of {_document.Characters} characters");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public int CleanParseClassify()
    {
        var parsed = _parser.Parse(_cleaner.Clean(_document).Lines);
        var evidence = 0;
        foreach (var item in parsed.ItemsOf(SectionKind.Problems))
        {
            evidence += _classifier.Classify(item.Title, item.Text, item.Aspect).Evidence.Count;
        }

        return evidence;
    }

    [Benchmark]
    public StatementRecord Analyze() => _processor.Analyze(_document, "bench", "bench", _source);
}
