using System.Text.Json.Serialization;

namespace SelfReview.Api.Roster;

/// <summary>The source-generated serializer metadata of the roster routes' requests and answers.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(Pipeline.Roster.RosterView))]
[JsonSerializable(typeof(OwnerRequest))]
[JsonSerializable(typeof(LastYearImport))]
internal sealed partial class RosterJsonContext : JsonSerializerContext;
