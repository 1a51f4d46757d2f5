using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>How serious a material-review flag is.</summary>
public enum FlagSeverity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}
