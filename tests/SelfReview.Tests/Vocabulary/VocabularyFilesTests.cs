using System.Text;
using SelfReview.Pipeline.Vocabulary;
using SelfReview.Pipeline.Vocabulary.Files;

namespace SelfReview.Tests.Vocabulary;

/// <summary>Each vocabulary file against its typed record: it loads, and an unknown or a missing key fails naming the file and the key.</summary>
public sealed class VocabularyFilesTests
{

    [Fact]
    public void Default_LoadsEveryFile() => Assert.NotEmpty(DomainVocabulary.Default.Gate.Genres);

    [Fact]
    public void TraditionalFile_Loads() => Assert.NotEmpty(DomainVocabulary.Load("traditional.json", VocabularyJsonContext.Default.TraditionalFile).Map);

    [Fact]
    public void SectionsFile_Loads() => Assert.NotEmpty(DomainVocabulary.Load("sections.json", VocabularyJsonContext.Default.SectionsFile).ContentCues.Causes);

    [Fact]
    public void EnumeratorsFile_Loads() => Assert.NotEmpty(DomainVocabulary.Load("enumerators.json", VocabularyJsonContext.Default.EnumeratorsFile).Siblings);

    [Fact]
    public void CleaningFile_Loads() => Assert.NotEmpty(DomainVocabulary.Load("cleaning.json", VocabularyJsonContext.Default.CleaningFile).Placeholders);

    [Fact]
    public void CategoriesFile_Loads() => Assert.Equal(8, DomainVocabulary.Load("categories.json", VocabularyJsonContext.Default.CategoriesFile).Categories.Count);

    [Fact]
    public void DeadlinesFile_Loads() => Assert.NotEmpty(DomainVocabulary.Load("deadlines.json", VocabularyJsonContext.Default.DeadlinesFile).Rules);

    [Fact]
    public void FrameworksFile_Loads() => Assert.Contains(DomainVocabulary.Load("frameworks.json", VocabularyJsonContext.Default.FrameworksFile).Frameworks, f => f.MeetingYear == 2014);

    [Fact]
    public void SignalsFile_Loads() => Assert.NotEmpty(DomainVocabulary.Load("signals.json", VocabularyJsonContext.Default.SignalsFile).StatementTitle);

    [Fact]
    public void GateFile_Loads() => Assert.InRange(DomainVocabulary.Load("gate.json", VocabularyJsonContext.Default.GateFile).Thresholds.ReviewBelow, 0, 1);

    [Fact]
    public void TitleBlockFile_Loads() => Assert.NotEmpty(DomainVocabulary.Load("titleblock.json", VocabularyJsonContext.Default.TitleBlockFile).AuthorLines);

    [Fact]
    public void Parse_FailsOnAnUnknownKey_NamingTheFileAndTheKey()
    {
        var json = """{"map": "與与", "mapp": "x"}""";
        var e = Assert.Throws<InvalidOperationException>(() => DomainVocabulary.Parse("traditional.json", Stream(json), VocabularyJsonContext.Default.TraditionalFile));

        Assert.Contains("traditional.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("mapp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FailsOnAMissingKey_NamingTheFileAndTheKey()
    {
        var json = """{"rules": [{"kind": "date", "pattern": "年底前"}]}""";
        var e = Assert.Throws<InvalidOperationException>(() => DomainVocabulary.Parse("deadlines.json", Stream(json), VocabularyJsonContext.Default.DeadlinesFile));

        Assert.Contains("deadlines.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("rule", e.Message, StringComparison.Ordinal);
    }

    private static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));
}
