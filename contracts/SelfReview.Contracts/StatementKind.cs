using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>Who wrote the statement.</summary>
public enum StatementKind
{
    /// <summary>One member's own statement (个人检视发言材料 / 对照检查材料).</summary>
    [JsonStringEnumMemberName("personal")] Personal,

    /// <summary>A leadership team's collective material (领导班子对照检查材料).</summary>
    [JsonStringEnumMemberName("team")] Team,
}
