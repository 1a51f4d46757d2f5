using System.Text.Json.Serialization;

namespace SelfReview.Api;

/// <summary>The source-generated serializer metadata of the API's own responses (records and reports are contracts).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(StatementStatus))]
[JsonSerializable(typeof(StatementList))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ReportList))]
[JsonSerializable(typeof(UnitList))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
