using System.Text.Json.Serialization;

namespace SelfReview.Pipeline.Vocabulary.Files;

/// <summary>
/// The vocabulary files' serializer: an unknown key or a missing one fails at start-up (style.md: data
/// files deserialised into typed records that fail on a missing key or an unknown value).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(TraditionalFile))]
[JsonSerializable(typeof(SectionsFile))]
[JsonSerializable(typeof(EnumeratorsFile))]
[JsonSerializable(typeof(CleaningFile))]
[JsonSerializable(typeof(CategoriesFile))]
[JsonSerializable(typeof(DeadlinesFile))]
[JsonSerializable(typeof(FrameworksFile))]
[JsonSerializable(typeof(SignalsFile))]
[JsonSerializable(typeof(GateFile))]
[JsonSerializable(typeof(TitleBlockFile))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
