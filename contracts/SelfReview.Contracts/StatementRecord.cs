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

    /// <summary>
    /// How sure the gate is that the upload is a statement (0–1); null when not accepted. Below the gate's
    /// review threshold the record also carries an <c>uncertain_statement</c> quality flag.
    /// </summary>
    public double? Confidence { get; init; }

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
