using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// record — accepted with its structure, or rejected with a reason that names the file. This is the
/// per-file boundary both hosts share: a budget exceeded, the file's time used up, or any exception a
/// file's content provokes becomes a rejected record, so the batch goes on. Infrastructure failures
/// (an OCR service down, storage) still throw, so a trigger can retry (<see cref="IsInfrastructure"/>).
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
    IOptions<LimitsOptions> limitsOptions,
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
        var limits = limitsOptions.Value;
        var source = new SourceInfo { FileName = fileName, MediaType = "application/octet-stream", Size = content.Length, Sha256 = id };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(limits.FileSeconds));
        try
        {
            var format = FormatSniffer.Detect(content);
            source = source with { MediaType = format.MediaType };
            var record = await ProcessAsync(content, format, source, unitId, deadline.Token);
            var size = SelfReviewJson.Serialize(record, SelfReviewJson.Record).Length;
            Diagnostics.StartupPhases.Mark("record serialized");
            if (size > limits.MaxRecordBytes)
            {
                LogRejected(logger, id, "record_too_large");
                return Rejected(id, unitId, source, "record_too_large", fileName, string.Create(CultureInfo.InvariantCulture, $"处理结果有 {size / (1024 * 1024)} MB，超过每份记录 {limits.MaxRecordBytes / (1024 * 1024)} MB 的上限，请只上传检视发言材料本身"));
            }

            return record;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogRejected(logger, id, "too_slow");
            return Rejected(id, unitId, source, "too_slow", fileName, string.Create(CultureInfo.InvariantCulture, $"处理超过每份文件 {limits.FileSeconds} 秒的上限，已停止；请确认文件是一份检视发言材料，或拆分后重新上传"));
        }
        catch (LimitExceededException e)
        {
            LogRejected(logger, id, e.Code);
            return Rejected(id, unitId, source, e.Code, fileName, e.Reason);
        }
        catch (InsufficientExecutionStackException)
        {
            LogRejected(logger, id, "too_deep");
            return Rejected(id, unitId, source, "too_deep", fileName, "文件结构嵌套过深，不像正常的文档，请在 Word 中打开后另存为新文件再上传");
        }
        catch (Exception e) when (!IsInfrastructure(e) && e is not OperationCanceledException)
        {
            // A defect a file's content provoked: the file gets a record, the batch goes on, and the
            // exception type (never the content) is logged for the fix.
            LogContentFailure(logger, id, e.GetType().Name, e.StackTrace);
            return Rejected(id, unitId, source, "unreadable", fileName, $"文件内容无法解析（内部错误 {e.GetType().Name}），原文件已保留，请在 Word 中另存为新文件后重新上传");
        }
    }

    /// <summary>
    /// Whether an exception is a failure of what the engine runs on rather than of the file: storage and
    /// services (worth a retry), memory, a missing external program. Everything else a file provoked.
    /// </summary>
    public static bool IsInfrastructure(Exception exception) => exception is Azure.RequestFailedException or HttpRequestException
        or TimeoutException or OutOfMemoryException or UnauthorizedAccessException or System.ComponentModel.Win32Exception
        or Reading.Ocr.DocumentIntelligenceException
        || (exception is IOException && exception is not EndOfStreamException);

    private async Task<StatementRecord> ProcessAsync(ReadOnlyMemory<byte> content, DetectedFormat format, SourceInfo source, string unitId, CancellationToken cancellationToken)
    {
        var id = source.Sha256;
        var fileName = source.FileName;
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
        Diagnostics.StartupPhases.Mark("read");
        if (outcome.Document is not { } document)
        {
            LogRejected(logger, id, outcome.RejectionCode!);
            return Rejected(id, unitId, source, outcome.RejectionCode!, fileName, outcome.RejectionReason!);
        }

        // Every reader's output under the same budgets (OCR and PDF text are counted here, once).
        TextBudget.Check(document, limitsOptions.Value);
        document = InvisibleCharacters.Strip(document);
        var record = Analyze(document, id, unitId, source, cancellationToken);
        Diagnostics.StartupPhases.Mark("analyzed");
        if (abstractive.IsEnabled && record.Summary is { } summary && await abstractive.SummarizeAsync(record, cancellationToken) is { } text)
        {
            record = record with { Summary = summary with { Abstractive = text } };
        }

        LogProcessed(logger, id, record.Status, record.Summary?.Problems ?? 0, record.Summary?.Causes ?? 0, record.Summary?.Measures ?? 0);
        return record;
    }

    /// <summary>Everything after reading: clean, parse, judge, classify, link, review, summarise.</summary>
    public StatementRecord Analyze(TextDocument document, string statementId, string unitId, SourceInfo source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var clean = cleaner.Clean(document);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<QualityFlag> readingFlags = document.Flags ?? [];
        source = source with { TextOrigin = document.Origin, Pages = document.Pages, Characters = clean.Lines.Sum(l => l.Text.Length) };
        if (clean.Lines.Count == 0)
        {
            return Rejected(statementId, unitId, source, "empty", source.FileName, "文件中没有可识别的文字");
        }

        var parsed = parser.Parse(clean.Lines);
        cancellationToken.ThrowIfCancellationRequested();
        var judged = gate.Judge(parsed);
        if (judged is StatementGate.Verdict.Rejected rejected)
        {
            return Rejected(statementId, unitId, source, rejected.Code, source.FileName, rejected.Reason) with
            {
                Title = parsed.Title,
                Quality = [.. readingFlags, .. clean.Flags],
            };
        }

        if (parsed.Sections.FirstOrDefault(s => s.Items.Count > limitsOptions.Value.MaxItemsPerSection) is { } crowded)
        {
            throw new LimitExceededException(
                "too_many_items",
                string.Create(CultureInfo.InvariantCulture, $"“{crowded.Heading ?? SectionName(crowded.Kind)}”部分有 {crowded.Items.Count} 条，超过每部分 {limitsOptions.Value.MaxItemsPerSection} 条的上限，不像一份检视发言材料，请只上传材料本身"));
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
        cancellationToken.ThrowIfCancellationRequested();
        var links = linker.Link(problems, measures, m => classifier.Classify(m.Title, m.Text, null).Code, cancellationToken);
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
            Quality = [.. readingFlags, .. clean.Flags, .. (verdict.Review is { } review ? [review] : Array.Empty<QualityFlag>()), .. reviewer.Review(sections, links)],
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

    private static string SectionName(SectionKind kind) => kind switch
    {
        SectionKind.Problems => "存在的问题",
        SectionKind.Causes => "原因剖析",
        SectionKind.Measures => "整改措施",
        _ => "其他内容",
    };

    private static (string Code, string Reason)? Refuse(DetectedFormat format) => format.Kind switch
    {
        FileKind.UnsupportedImage when format.MediaType == "image/heic" => ("unsupported_image", $"这是{format.Description}，暂时无法识别其中的文字。请在手机“设置 > 相机 > 格式”中选择“兼容性最佳”后重新拍摄，或把照片另存为 JPG/PNG 后重新上传"),
        FileKind.UnsupportedImage => ("unsupported_image", $"这是{format.Description}，暂时无法识别其中的文字，请另存为 JPG 或 PNG 后重新上传"),
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

    // The exception's message is left out: it may quote the file's content (statements are sensitive).
    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Statement {StatementId} provoked {ExceptionType}; rejected with a record. At {StackTrace}")]
    private static partial void LogContentFailure(ILogger logger, string statementId, string exceptionType, string? stackTrace);
}
