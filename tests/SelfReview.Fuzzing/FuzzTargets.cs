using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Image;
using SelfReview.Pipeline.Reading.Ocr;

namespace SelfReview.Fuzzing;

/// <summary>
/// The harnesses, over the engine as the hosts compose it (<c>AddSelfReviewEngine</c>) with OCR that
/// recognises nothing. Each reader is reached the way uploads reach it: through the format sniffer, so a
/// mutated file that no longer looks like a .docx is a (cheap) sniffer run rather than a false finding.
/// </summary>
public sealed class FuzzTargets : IDisposable
{
    private static readonly FileKind[] ImageKinds = [FileKind.Png, FileKind.Jpeg, FileKind.Tiff];

    private readonly ServiceProvider _services;

    public FuzzTargets()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOcrEngine, NoTextOcrEngine>();
        services.AddSelfReviewEngine();
        _services = services.BuildServiceProvider();
        var readers = _services.GetServices<IDocumentReader>().ToArray();
        var processor = _services.GetRequiredService<StatementProcessor>();
        All =
        [
            Reader("docx", readers, FileKind.Docx),
            Reader("pdf", readers, FileKind.Pdf),
            new FuzzTarget("image", (bytes, ct) => ImageAsync(readers, bytes, ct), FuzzBudgets.MaxCharacters),
            Reader("text", readers, FileKind.Text),
            new FuzzTarget("processor", (bytes, ct) => ProcessAsync(processor, bytes, ct), FuzzBudgets.MaxRecordBytes),
        ];
    }

    public IReadOnlyList<FuzzTarget> All { get; }

    public FuzzTarget this[string name] => All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"No fuzz target '{name}'; the targets are {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));

    public void Dispose() => _services.Dispose();

    private static FuzzTarget Reader(string name, IDocumentReader[] readers, FileKind kind) =>
        new(name, (bytes, ct) => ReadAsync(readers, bytes, kind, ct), FuzzBudgets.MaxCharacters);

    private static async Task<(long, string)> ReadAsync(IDocumentReader[] readers, ReadOnlyMemory<byte> bytes, FileKind kind, CancellationToken cancellationToken)
    {
        var format = FormatSniffer.Detect(bytes);
        if (format.Kind != kind)
        {
            return (0, "sniffed:" + format.Kind);
        }

        var reader = readers.First(r => r.CanRead(kind));
        return Outcome(await reader.ReadAsync(bytes, format, cancellationToken));
    }

    /// <summary>The header parser is fed every input as each image kind (it must survive any bytes), then the reader as sniffed.</summary>
    private static async Task<(long, string)> ImageAsync(IDocumentReader[] readers, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var frames = 0L;
        foreach (var kind in ImageKinds)
        {
            frames += ImageHeader.Read(bytes.Span, kind)?.Count ?? 0;
        }

        var format = FormatSniffer.Detect(bytes);
        if (!ImageKinds.Contains(format.Kind))
        {
            return (frames, "sniffed:" + format.Kind);
        }

        var (produced, signature) = Outcome(await readers.First(r => r.CanRead(format.Kind)).ReadAsync(bytes, format, cancellationToken));
        return (produced, format.Kind + ":" + signature + ":" + Bucket(frames));
    }

    private static async Task<(long, string)> ProcessAsync(StatementProcessor processor, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var record = await processor.ProcessAsync(bytes, "fuzz.bin", "fuzz", cancellationToken);
        var json = SelfReviewJson.Serialize(record, SelfReviewJson.Record);
        var items = record.Sections.Sum(s => s.Items.Count);
        return (json.Length, $"{record.Status}:{record.Rejection?.Code}:{Bucket(items)}:{Bucket(record.Quality.Count)}");
    }

    private static (long, string) Outcome(ReadOutcome outcome) => outcome.Document is { } document
        ? (document.Characters, $"read:{Bucket(document.Blocks.Count)}:{Bucket(document.Characters)}:{Bucket(document.Blocks.Count(b => b.Label is not null))}")
        : (0, "rejected:" + outcome.RejectionCode);

    /// <summary>Sizes in powers of two: a coarse behaviour signature that tells the loop an input did something new.</summary>
    private static int Bucket(long n) => n <= 0 ? 0 : 64 - (int)ulong.LeadingZeroCount((ulong)n);
}
