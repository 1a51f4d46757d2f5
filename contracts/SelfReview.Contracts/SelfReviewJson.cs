using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SelfReview.Contracts;

/// <summary>The source-generated serializer metadata for every contract.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StatementRecord))]
[JsonSerializable(typeof(UnitSummary))]
[JsonSerializable(typeof(RectificationList))]
[JsonSerializable(typeof(RectificationRow))]
[JsonSerializable(typeof(RowTracking))]
[JsonSerializable(typeof(RowRegistry))]
[JsonSerializable(typeof(DueRows))]
[JsonSerializable(typeof(CompletionRates))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(EvidenceFile))]
[JsonSerializable(typeof(IReadOnlyList<EvidenceFile>))]
[JsonSerializable(typeof(UnitRoster))]
[JsonSerializable(typeof(LastYearList))]
[JsonSerializable(typeof(UnitProfile))]
[JsonSerializable(typeof(TrackingSummary))]
[JsonSerializable(typeof(UnitRollup))]
public sealed partial class SelfReviewJsonContext : JsonSerializerContext;

/// <summary>Serialization entry points: readable Chinese (no \u escapes), camelCase, string enums.</summary>
public static class SelfReviewJson
{
    /// <summary>Options over the generated context. Chinese text is written as is: the files are read by people too.</summary>
    public static JsonSerializerOptions Options { get; } = new(SelfReviewJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly SelfReviewJsonContext Context = new(Options);

    public static JsonTypeInfo<StatementRecord> Record => Context.StatementRecord;
    public static JsonTypeInfo<UnitSummary> UnitSummary => Context.UnitSummary;
    public static JsonTypeInfo<RectificationList> RectificationList => Context.RectificationList;
    public static JsonTypeInfo<RectificationRow> RectificationRow => Context.RectificationRow;
    public static JsonTypeInfo<RowTracking> RowTracking => Context.RowTracking;
    public static JsonTypeInfo<RowRegistry> RowRegistry => Context.RowRegistry;
    public static JsonTypeInfo<DueRows> DueRows => Context.DueRows;
    public static JsonTypeInfo<CompletionRates> CompletionRates => Context.CompletionRates;
    public static JsonTypeInfo<ImportReport> ImportReport => Context.ImportReport;
    public static JsonTypeInfo<EvidenceFile> EvidenceFile => Context.EvidenceFile;
    public static JsonTypeInfo<IReadOnlyList<EvidenceFile>> EvidenceFiles => Context.IReadOnlyListEvidenceFile;
    public static JsonTypeInfo<UnitRoster> UnitRoster => Context.UnitRoster;
    public static JsonTypeInfo<LastYearList> LastYearList => Context.LastYearList;
    public static JsonTypeInfo<UnitProfile> UnitProfile => Context.UnitProfile;
    public static JsonTypeInfo<TrackingSummary> TrackingSummary => Context.TrackingSummary;
    public static JsonTypeInfo<UnitRollup> UnitRollup => Context.UnitRollup;

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    public static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException($"Empty JSON for {typeof(T).Name}.");
}
