using SelfReview.Contracts;

namespace SelfReview.Tests;

/// <summary>The structure every form of the seed statement must come out with (the .docx's).</summary>
public static class SeedStructure
{
    public static void AssertMatches(StatementRecord record)
    {
        Assert.Equal(RecordStatus.Accepted, record.Status);
        Assert.Equal(StatementKind.Personal, record.StatementKind);
        Assert.Equal("2023年主题教育专题民主生活会个人检视发言材料", record.Title);
        Assert.Equal(["思想政治方面", "精神状态方面", "精神状态方面", "工作作风方面"], record.Items(SectionKind.Problems).Select(p => p.Aspect));
        Assert.Equal(["思想政治方面", "创新本领还有待提升", "开放发展还有待提速", "工作作风方面"], record.Items(SectionKind.Problems).Select(p => p.Title));
        Assert.Equal(3, record.Items(SectionKind.Causes).Count);
        Assert.Equal(4, record.Items(SectionKind.Measures).Count);
        // 一是 of the causes keeps its second paragraph (面对新时代…), which has no enumerator.
        Assert.Contains("面对新时代一系列重大的理论成果", record.Items(SectionKind.Causes)[0].Text, StringComparison.Ordinal);
    }
}
