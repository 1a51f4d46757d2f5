namespace SelfReview.Contracts;

/// <summary>
/// One uploaded file after the pipeline: accepted with its structure, or rejected with a reason.
/// Written to <c>records/{unitId}/{statementId}.json</c>.
/// </summary>
public sealed record StatementRecord
{
    /// <summary>The version of this contract.</summary>
    public string SchemaVersion { get; init; } = ContractVersions.Current;

    /// <summary>Lower-case hex SHA-256 of the uploaded bytes: the same file always gets the same id.</summary>
    public required string StatementId { get; init; }

    /// <summary>The unit (单位 / 领导班子 / 党支部) the statement was uploaded for.</summary>
    public required string UnitId { get; init; }

    public required RecordStatus Status { get; init; }

    /// <summary>Personal statement or team material; null when not accepted.</summary>
    public StatementKind? StatementKind { get; init; }

    /// <summary>Why the upload was not accepted; null when accepted.</summary>
    public Rejection? Rejection { get; init; }

    public required SourceInfo Source { get; init; }

    /// <summary>The title line as written, if any.</summary>
    public string? Title { get; init; }

    /// <summary>The author, from an author line, the title or a signature.</summary>
    public Person? Author { get; init; }

    /// <summary>The meeting year named by the title or preamble (the year deadlines such as 年底前 refer to).</summary>
    public int? MeetingYear { get; init; }

    /// <summary>The framework (the year's official aspects) the statement follows, when recognised.</summary>
    public FrameworkRef? Framework { get; init; }

    public IReadOnlyList<Section> Sections { get; init; } = [];

    public StatementSummary? Summary { get; init; }

    /// <summary>Material-review flags (材料审核) raised on this statement alone.</summary>
    public IReadOnlyList<QualityFlag> Quality { get; init; } = [];

    /// <summary>The version of the engine that wrote the record.</summary>
    public string? EngineVersion { get; init; }
}

/// <summary>Why an upload was rejected or failed.</summary>
/// <param name="Code">A stable machine code (<c>unsupported_format</c>, <c>legacy_doc</c>, <c>encrypted</c>, <c>empty</c>, <c>not_a_statement</c>, …).</param>
/// <param name="Message">A sentence for people, in Chinese, naming the file and the reason.</param>
public sealed record Rejection(string Code, string Message);

/// <summary>What was uploaded and how its text was obtained.</summary>
public sealed record SourceInfo
{
    public required string FileName { get; init; }

    /// <summary>The media type detected from the bytes (never from the extension).</summary>
    public required string MediaType { get; init; }

    public required long Size { get; init; }

    public required string Sha256 { get; init; }

    public TextOrigin TextOrigin { get; init; }

    /// <summary>Pages read, for paged formats.</summary>
    public int? Pages { get; init; }

    /// <summary>Characters of text obtained, after cleaning.</summary>
    public int Characters { get; init; }
}

/// <summary>A person named in a statement.</summary>
public sealed record Person(string Name, string? Position);

/// <summary>A recognised framework (the year's aspects of the problems section).</summary>
/// <param name="Id">A stable id from the framework data file (e.g. <c>2023-theme-education</c>).</param>
/// <param name="Name">The framework's name as users know it.</param>
public sealed record FrameworkRef(string Id, string Name);

/// <summary>One section of a statement.</summary>
public sealed record Section
{
    public required SectionKind Kind { get; init; }

    /// <summary>The heading as written (without its enumerator), or null for an unheaded section.</summary>
    public string? Heading { get; init; }

    public IReadOnlyList<StatementItem> Items { get; init; } = [];
}

/// <summary>One problem, cause, measure or other enumerated item.</summary>
public sealed record StatementItem
{
    /// <summary>Unique within the record: <c>p1</c>, <c>c1</c>, <c>m1</c>, … by section kind and order.</summary>
    public required string Id { get; init; }

    /// <summary>The enumerator as written (一是, （二）, 1., ①), or null.</summary>
    public string? Label { get; init; }

    /// <summary>The heading of the aspect the item stands under, or null.</summary>
    public string? Aspect { get; init; }

    /// <summary>A short title: the clause after the enumerator, or the aspect for an aspect-only item.</summary>
    public required string Title { get; init; }

    /// <summary>The item's full text without its label.</summary>
    public required string Text { get; init; }

    /// <summary>Problems only: the canonical category.</summary>
    public Category? Category { get; init; }

    /// <summary>Measures only: the deadline, when the measure names one.</summary>
    public Deadline? Deadline { get; init; }

    /// <summary>Problems: the ids of the measures that answer it; measures: the problems it answers.</summary>
    public IReadOnlyList<string>? Links { get; init; }
}

/// <summary>A problem's place in the canonical taxonomy.</summary>
/// <param name="Code">The category.</param>
/// <param name="Label">Its Chinese label.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="Evidence">The terms that decided it.</param>
public sealed record Category(CategoryCode Code, string Label, double Confidence, IReadOnlyList<string> Evidence);

/// <summary>A measure's deadline.</summary>
/// <param name="Text">As written (2024年6月底前, 立行立改).</param>
/// <param name="DueDate">The date it names, if it names one.</param>
/// <param name="Kind">What kind of deadline it is.</param>
public sealed record Deadline(string Text, DateOnly? DueDate, DeadlineKind Kind);

/// <summary>A material-review (材料审核) flag, with the evidence a reviewer needs.</summary>
public sealed record QualityFlag
{
    /// <summary>A stable code: <c>web_leftover</c>, <c>placeholder</c>, <c>missing_section</c>, <c>cause_restates_problem</c>, <c>vague_measure</c>, <c>problem_without_measure</c>, <c>copied_text</c>, …</summary>
    public required string Code { get; init; }

    public FlagSeverity Severity { get; init; } = FlagSeverity.Warning;

    /// <summary>What is wrong, in Chinese.</summary>
    public required string Message { get; init; }

    /// <summary>The item ids concerned, if any.</summary>
    public IReadOnlyList<string> ItemIds { get; init; } = [];

    /// <summary>Short excerpts that show the problem.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

/// <summary>The per-statement summary.</summary>
public sealed record StatementSummary
{
    public int Problems { get; init; }
    public int Causes { get; init; }
    public int Measures { get; init; }

    /// <summary>Problems per category code.</summary>
    public IReadOnlyDictionary<string, int> ProblemsByCategory { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<string> ProblemTitles { get; init; } = [];
    public IReadOnlyList<string> CauseTitles { get; init; } = [];
    public IReadOnlyList<string> MeasureTitles { get; init; } = [];

    /// <summary>A short extractive summary in Chinese.</summary>
    public required string Text { get; init; }

    /// <summary>An abstractive summary from a chat model, when one is configured.</summary>
    public string? Abstractive { get; init; }
}

/// <summary>Versions of the contracts.</summary>
public static class ContractVersions
{
    public const string Current = "1.0";
}
