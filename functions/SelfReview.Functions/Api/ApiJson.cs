using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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

/// <summary>Serialization of API responses: readable Chinese (file names, reasons), camelCase, string enums.</summary>
public static class ApiJson
{
    private static readonly ApiJsonContext Context = new(new JsonSerializerOptions(ApiJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public const string ContentType = "application/json; charset=utf-8";

    public static JsonTypeInfo<StatementStatus> StatementStatus => Context.StatementStatus;
    public static JsonTypeInfo<StatementList> StatementList => Context.StatementList;
    public static JsonTypeInfo<HealthReport> HealthReport => Context.HealthReport;
}
