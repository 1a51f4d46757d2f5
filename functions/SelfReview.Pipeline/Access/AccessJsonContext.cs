using System.Text.Json.Serialization;

namespace SelfReview.Pipeline.Access;

/// <summary>Source-generated serializer metadata of the access map and the audit lines.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(AccessMap))]
[JsonSerializable(typeof(AuditEvent))]
public sealed partial class AccessJsonContext : JsonSerializerContext;
