using System.Text.Json.Serialization;

namespace SelfReview.Contracts;

/// <summary>The canonical problem taxonomy (domain.md, "Canonical categories").</summary>
public enum CategoryCode
{
    /// <summary>理论学习 / 创新理论.</summary>
    [JsonStringEnumMemberName("theory")] Theory,

    /// <summary>政治素质 / 政治忠诚 / 政治纪律 / 意识形态.</summary>
    [JsonStringEnumMemberName("political")] Political,

    /// <summary>能力本领 / 专业 / 创新本领.</summary>
    [JsonStringEnumMemberName("capability")] Capability,

    /// <summary>担当作为 / 斗争精神 / 推动发展.</summary>
    [JsonStringEnumMemberName("responsibility")] Responsibility,

    /// <summary>工作作风 / 形式主义官僚主义 / 调查研究.</summary>
    [JsonStringEnumMemberName("style")] Style,

    /// <summary>廉洁自律 / 八项规定 / 家风 / 生活纪律.</summary>
    [JsonStringEnumMemberName("integrity")] Integrity,

    /// <summary>宗旨意识 / 群众路线 / 为民服务.</summary>
    [JsonStringEnumMemberName("mass_line")] MassLine,

    /// <summary>管党治党 / 全面从严治党责任 / 组织生活 / 民主集中制.</summary>
    [JsonStringEnumMemberName("party_building")] PartyBuilding,

    /// <summary>None of the above.</summary>
    [JsonStringEnumMemberName("other")] Other,
}
