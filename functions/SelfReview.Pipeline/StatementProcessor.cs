using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SelfReview.Contracts;
using SelfReview.Pipeline.Classification;
using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Review;
using SelfReview.Pipeline.Summaries;

namespace SelfReview.Pipeline;

/// <summary>
/// The engine for one upload: bytes in, <see cref="StatementRecord"/> out. Every input ends as a
/// record — accepted with its structure, or rejected with a reason that names the file. Content
/// problems never throw; infrastructure failures (an OCR service down) do, so a trigger can retry.
/// </summary>
public sealed partial class StatementProcessor(
    IEnumerable<IDocumentReader> readers,
    TextCleaner cleaner,
    StatementParser parser,
    StatementGate gate,
    CategoryClassifier classifier,
    DeadlineExtractor deadlines,
    FrameworkDetector frameworks,
    ProblemMeasureLinker linker,
    StatementReviewer reviewer,
    StatementSummarizer summarizer,
    AbstractiveSummarizer abstractive,
    ILogger<StatementProcessor> logger)
{
    /// <summary>The engine's version, written into every record.</summary>
    public static string EngineVersion { get; } =
        typeof(StatementProcessor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly IDocumentReader[] _readers = [.. readers];

    public static string StatementIdOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public async Task<StatementRecord> ProcessAsync(ReadOnlyMemory<byte> content, string fileName, string unitId, CancellationToken cancellationToken = default)
    {
        var id = StatementIdOf(content.Span);
        var format = FormatSniffer.Detect(content);
        var source = new SourceInfo { FileName = fileName, MediaType = format.MediaType, Size = content.Length, Sha256 = id };

        if (Refuse(format) is { } refusal)
        {
            LogRejected(logger, id, refusal.Code);
            return Rejected(id, unitId, source, refusal.Code, fileName, refusal.Reason);
        }

        var reader = _readers.FirstOrDefault(r => r.CanRead(format.Kind));
        if (reader is null)
        {
            LogRejected(logger, id, "unsupported_format");
            return Rejected(id, unitId, source, "unsupported_format", fileName, $"暂不支持{format.Description}，请上传 .docx、PDF、图片或纯文本");
        }

        var outcome = await reader.ReadAsync(content, format, cancellationToken);
        if (outcome.Document is not { } document)
        {
            LogRejected(logger, id, outcome.RejectionCode!);
            return Rejected(id, unitId, source, outcome.RejectionCode!, fileName, outcome.RejectionReason!);
        }

        var record = Analyze(document, id, unitId, source);
        if (abstractive.IsEnabled && record.Summary is { } summary && await abstractive.SummarizeAsync(record, cancellationToken) is { } text)
        {
            record = record with { Summary = summary with { Abstractive = text } };
        }

        LogProcessed(logger, id, record.Status, record.Summary?.Problems ?? 0, record.Summary?.Causes ?? 0, record.Summary?.Measures ?? 0);
        return record;
    }

    /// <summary>Everything after reading: clean, parse, judge, classify, link, review, summarise.</summary>
    public StatementRecord Analyze(TextDocument document, string statementId, string unitId, SourceInfo source)
    {
        var clean = cleaner.Clean(document);
        source = source with { TextOrigin = document.Origin, Pages = document.Pages, Characters = clean.Lines.Sum(l => l.Text.Length) };
        if (clean.Lines.Count == 0)
        {
            return Rejected(statementId, unitId, source, "empty", source.FileName, "文件中没有可识别的文字");
        }

        var parsed = parser.Parse(clean.Lines);
        var judged = gate.Judge(parsed);
        if (judged is StatementGate.Verdict.Rejected rejected)
        {
            return Rejected(statementId, unitId, source, rejected.Code, source.FileName, rejected.Reason) with
            {
                Title = parsed.Title,
                Quality = clean.Flags,
            };
        }

        if (judged is not StatementGate.Verdict.Accepted verdict)
        {
            throw new InvalidOperationException("The gate returned neither an acceptance nor a rejection.");
        }

        var sections = parsed.Sections.Select(s => s.Kind switch
        {
            SectionKind.Problems => s with { Items = [.. s.Items.Select(i => i with
            {
                Category = classifier.Classify(i.Title, i.Text, i.Aspect),
                Deadline = deadlines.ExtractLabelled(i.Text, parsed.MeetingYear, parsed.MeetingDate),
            })] },
            SectionKind.Measures => s with { Items = [.. s.Items.Select(i => i with { Deadline = deadlines.Extract(i.Text, parsed.MeetingYear, parsed.MeetingDate) })] },
            _ => s,
        }).ToList();

        var problems = sections.Where(s => s.Kind == SectionKind.Problems).SelectMany(s => s.Items).ToList();
        var measures = sections.Where(s => s.Kind == SectionKind.Measures).SelectMany(s => s.Items).ToList();
        var links = linker.Link(problems, measures, m => classifier.Classify(m.Title, m.Text, null).Code);
        sections = WithLinks(sections, links);

        var preamble = sections.Find(s => s.Kind == SectionKind.Preamble)?.Items is [var first, ..] ? first.Text : null;
        var aspects = problems.Select(p => p.Aspect).OfType<string>().Distinct();
        return new StatementRecord
        {
            StatementId = statementId,
            UnitId = unitId,
            Status = RecordStatus.Accepted,
            StatementKind = verdict.Kind,
            Confidence = verdict.Confidence,
            Source = source,
            Title = parsed.Title,
            Author = parsed.Author,
            MeetingYear = parsed.MeetingYear,
            Framework = frameworks.Detect(parsed.Title, preamble, aspects),
            Sections = sections,
            Summary = summarizer.Summarize(sections),
            Quality = [.. clean.Flags, .. (verdict.Review is { } review ? [review] : Array.Empty<QualityFlag>()), .. reviewer.Review(sections, links)],
            EngineVersion = EngineVersion,
        };
    }

    /// <summary>A record for an upload that keeps failing for infrastructure reasons (the poison path).</summary>
    public static StatementRecord Failed(string statementId, string unitId, SourceInfo source, string reason) => new()
    {
        StatementId = statementId,
        UnitId = unitId,
        Status = RecordStatus.Failed,
        Source = source,
        Rejection = new Rejection("processing_failed", $"文件“{source.FileName}”多次处理失败：{reason}。原文件已保留，可重新处理。"),
        EngineVersion = EngineVersion,
    };

    private static List<Section> WithLinks(List<Section> sections, IReadOnlyDictionary<string, IReadOnlyList<string>> links)
    {
        var reverse = links.SelectMany(l => l.Value.Select(m => (Measure: m, Problem: l.Key)))
            .GroupBy(x => x.Measure)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Problem)]);
        return [.. sections.Select(s => s.Kind switch
        {
            SectionKind.Problems => s with { Items = [.. s.Items.Select(i => i with { Links = links.GetValueOrDefault(i.Id) ?? [] })] },
            SectionKind.Measures => s with { Items = [.. s.Items.Select(i => i with { Links = reverse.GetValueOrDefault(i.Id) ?? [] })] },
            _ => s,
        })];
    }

    private static (string Code, string Reason)? Refuse(DetectedFormat format) => format.Kind switch
    {
        FileKind.Empty => ("empty", "文件为空"),
        FileKind.LegacyDoc => ("legacy_doc", "这是 Word 97-2003 格式（.doc），请在 Word 中“另存为”.docx 后重新上传"),
        FileKind.EncryptedOffice => ("encrypted", "文档设置了打开密码，请取消密码保护后重新上传"),
        FileKind.OtherOfficeZip => ("unsupported_format", $"这是{format.Description}，不是检视发言材料，请上传 Word（.docx）、PDF、图片或纯文本"),
        FileKind.Zip => ("unsupported_format", "这是 ZIP 压缩包，请解压后逐个上传材料"),
        FileKind.OtherBinary => ("unsupported_format", $"无法识别的文件格式：{format.Description}"),
        _ => null,
    };

    private static StatementRecord Rejected(string id, string unitId, SourceInfo source, string code, string fileName, string reason) => new()
    {
        StatementId = id,
        UnitId = unitId,
        Status = RecordStatus.Rejected,
        Source = source,
        Rejection = new Rejection(code, $"文件“{fileName}”未能处理：{reason}。"),
        EngineVersion = EngineVersion,
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Statement {StatementId} processed: {Status}, {Problems} problems, {Causes} causes, {Measures} measures")]
    private static partial void LogProcessed(ILogger logger, string statementId, RecordStatus status, int problems, int causes, int measures);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Statement {StatementId} rejected: {Code}")]
    private static partial void LogRejected(ILogger logger, string statementId, string code);
}
