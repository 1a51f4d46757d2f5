using System.Text.Json.Serialization;

namespace SelfReview.Pipeline.Access;

/// <summary>What a caller may do in a unit; each right includes the ones before it.</summary>
public enum AccessRight
{
    /// <summary>See the unit's statements, records and reports, and download them.</summary>
    [JsonStringEnumMemberName("read")]
    Read = 1,

    /// <summary>Also upload statements (and everything that changes the unit).</summary>
    [JsonStringEnumMemberName("edit")]
    Edit = 2,

    /// <summary>Also read the unit's audit trail (the unit's administrators).</summary>
    [JsonStringEnumMemberName("administer")]
    Administer = 3,
}
