using System.Text.Json.Serialization;

namespace SelfReview.Functions.Api;

/// <summary>The source-generated serializer metadata of the API's own responses (records and reports are contracts).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(StatementStatus))]
[JsonSerializable(typeof(StatementList))]
[JsonSerializable(typeof(HealthReport))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
