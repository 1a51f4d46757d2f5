using System.Text.Json.Serialization;

namespace SelfReview.Pipeline.Storage;

/// <summary>Source-generated serializer metadata of the status index (compact: it is read on every listing).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusIndex))]
public sealed partial class StatusIndexJsonContext : JsonSerializerContext;
