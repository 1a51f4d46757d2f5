using SelfReview.Contracts;

namespace SelfReview.Tests;

public sealed class StatementProcessorTests
{
    public static TheoryData<string> SeedFiles => new() { TestFiles.SeedText, TestFiles.SeedDocx };

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task Process_FindsFourProblemsThreeCausesFourMeasures_InTheSeed(string path)
    {
        var record = await Engine.ProcessFileAsync(path);

        Assert.Equal(RecordStatus.Accepted, record.Status);
        Assert.Equal(StatementKind.Personal, record.StatementKind);
        var problems = record.Items(SectionKind.Problems);
        Assert.Equal(["思想政治方面", "精神状态方面", "精神状态方面", "工作作风方面"], problems.Select(p => p.Aspect));
        Assert.Equal(["思想政治方面", "创新本领还有待提升", "开放发展还有待提速", "工作作风方面"], problems.Select(p => p.Title));
        Assert.Equal(["理论修养有待进一步提高", "创新意识有待进一步增强", "从严治党有待进一步深化"], record.Items(SectionKind.Causes).Select(c => c.Title));
        Assert.Equal(["强化理论武装", "弘扬创新精神", "推进从严治党", "抓实整改销号"], record.Items(SectionKind.Measures).Select(m => m.Title));
        Assert.Equal("2023年主题教育专题民主生活会个人检视发言材料", record.Title);
        Assert.Equal(2023, record.MeetingYear);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task Process_KeepsContinuationParagraphsWithTheirItem(string path)
    {
        var record = await Engine.ProcessFileAsync(path);

        var causes = record.Items(SectionKind.Causes);
        // 一是's second paragraph (面对新时代…) has no enumerator: it belongs to 一是.
        Assert.StartsWith("理论修养有待进一步提高。有时认为", causes[0].Text, StringComparison.Ordinal);
        Assert.Contains("面对新时代一系列重大的理论成果", causes[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("面对新时代", causes[1].Text, StringComparison.Ordinal);
        var measures = record.Items(SectionKind.Measures);
        Assert.Contains("适应新时代、新使命、新矛盾对政府工作的新要求", measures[1].Text, StringComparison.Ordinal);
        Assert.Contains("带头夯实领导班子党风廉政建设的集体责任", measures[2].Text, StringComparison.Ordinal);
        // The aspect-only problem 思想政治方面 holds its paragraph as text.
        Assert.StartsWith("对新时代中国特色社会主义思想的学习", record.Items(SectionKind.Problems)[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task Process_RemovesPaywallMarkers_AndFlagsLeftoversAndPlaceholders(string path)
    {
        var record = await Engine.ProcessFileAsync(path);

        var style = record.Items(SectionKind.Problems)[3];
        Assert.Contains("腾出更多精力下基层", style.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Sections.SelectMany(s => s.Items), i => i.Text.Contains("##", StringComparison.Ordinal));
        var leftover = Assert.Single(record.Quality, q => q.Code == "web_leftover");
        Assert.Contains("##paidbegin##", leftover.Evidence);
        Assert.Contains("##paidend##", leftover.Evidence);
        var placeholder = Assert.Single(record.Quality, q => q.Code == "placeholder");
        Assert.Contains(placeholder.Evidence, e => e.Contains("XX大", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_ClassifiesTheSeedsProblemsByContent()
    {
        var record = await Engine.ProcessFileAsync(TestFiles.SeedText);

        Assert.Equal(
            [CategoryCode.Theory, CategoryCode.Capability, CategoryCode.Responsibility, CategoryCode.Style],
            record.Items(SectionKind.Problems).Select(p => p.Category!.Code));
        Assert.All(record.Items(SectionKind.Problems), p => Assert.NotEmpty(p.Category!.Evidence));
    }

    [Fact]
    public async Task Process_GivesTheSameStructure_ForTheSeedAsTextAndAsDocx()
    {
        var text = await Engine.ProcessFileAsync(TestFiles.SeedText);
        var docx = await Engine.ProcessFileAsync(TestFiles.SeedDocx);

        Assert.Equal(TextOrigin.PlainText, text.Source.TextOrigin);
        Assert.Equal(TextOrigin.Docx, docx.Source.TextOrigin);
        foreach (var kind in new[] { SectionKind.Problems, SectionKind.Causes, SectionKind.Measures })
        {
            Assert.Equal(text.Items(kind).Select(i => (i.Label, i.Aspect, i.Title, i.Text)), docx.Items(kind).Select(i => (i.Label, i.Aspect, i.Title, i.Text)));
        }
    }

    [Fact]
    public async Task Process_NamesTheStatementBySha256OfTheBytes()
    {
        var bytes = await File.ReadAllBytesAsync(TestFiles.SeedText);

        var first = await Engine.ProcessAsync(bytes, "a.txt");
        var second = await Engine.ProcessAsync(bytes, "b.txt");

        Assert.Equal(first.StatementId, second.StatementId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), first.StatementId);
        Assert.Equal(64, first.Source.Sha256.Length);
    }
}
