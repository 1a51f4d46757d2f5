using System.Text.Json.Serialization;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Rollups;

/// <summary>
/// A unit summary (<see cref="UnitSummary"/>, the same JSON) read for a rollup: members and common problems are
/// only counted and the review flags skipped by the reader, never built. A 40-member unit's summary is about
/// 1 MB, mostly review flags; deserialised whole, the 300 of a county held nearly 1 GB of heap at once.
/// </summary>
internal sealed record SummaryDigest
{
    public required string UnitId { get; init; }
    public string? UnitName { get; init; }
    public int Statements { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Failed { get; init; }
    public IReadOnlyList<Counted> Members { get; init; } = [];
    public int Problems { get; init; }
    public int Causes { get; init; }
    public int Measures { get; init; }
    public IReadOnlyDictionary<string, int> ProblemsByCategory { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<Counted> CommonProblems { get; init; } = [];
    public IReadOnlyList<ProblemTitle> ProblemTitles { get; init; } = [];

    public static UnitFigures Read(ReadOnlySpan<byte> json) =>
        (System.Text.Json.JsonSerializer.Deserialize(json, SummaryDigestJsonContext.Default.SummaryDigest) ?? throw new System.Text.Json.JsonException("empty summary")).ToFigures();

    private UnitFigures ToFigures() => new()
    {
        UnitId = UnitId,
        UnitName = UnitName,
        Statements = Statements,
        Accepted = Accepted,
        Rejected = Rejected,
        Failed = Failed,
        Members = Members.Count,
        Problems = Problems,
        Causes = Causes,
        Measures = Measures,
        ProblemsByCategory = ProblemsByCategory,
        CommonProblems = CommonProblems.Count,
        ProblemTitles = ProblemTitles,
    };

    /// <summary>An element that is only counted: its properties are skipped.</summary>
    internal sealed record Counted;
}

/// <summary>Source-generated metadata of <see cref="SummaryDigest"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SummaryDigest))]
internal sealed partial class SummaryDigestJsonContext : JsonSerializerContext;
