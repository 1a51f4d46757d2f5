using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>What a measure's deadline means.</summary>
public enum DeadlineKind
{
    /// <summary>A date or period that ends on a date (2024年6月底前, 年底前, 3个月内).</summary>
    [JsonStringEnumMemberName("date")] Date,

    /// <summary>立行立改: fixed at once.</summary>
    [JsonStringEnumMemberName("immediate")] Immediate,

    /// <summary>长期坚持: kept up with no end.</summary>
    [JsonStringEnumMemberName("ongoing")] Ongoing,

    /// <summary>每月 / 每季度 / 每年: done again and again.</summary>
    [JsonStringEnumMemberName("recurring")] Recurring,
}
