using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>The kind of a statement section.</summary>
public enum SectionKind
{
    [JsonStringEnumMemberName("preamble")] Preamble,
    [JsonStringEnumMemberName("priorRectification")] PriorRectification,
    [JsonStringEnumMemberName("problems")] Problems,
    [JsonStringEnumMemberName("causes")] Causes,
    [JsonStringEnumMemberName("measures")] Measures,
    [JsonStringEnumMemberName("caseAnalysis")] CaseAnalysis,
    [JsonStringEnumMemberName("personalMatters")] PersonalMatters,
    [JsonStringEnumMemberName("closing")] Closing,
    [JsonStringEnumMemberName("other")] Other,
}
