using SelfReview.Contracts;
using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Tests.Parsing;

public sealed class HeadingClassifierTests
{
    private static HeadingMatch? Classify(string text, HeadingContext? context = null, int? headingLevel = null)
    {
        var line = new Line(text, null, headingLevel, DomainVocabulary.Default.ToSimplified(text));
        var e = Engine.Get<EnumeratorRecognizer>().Match(line.Match);
        var rest = e is null ? line.Match : line.Match[e.Length..].TrimStart();
        return Engine.Get<HeadingClassifier>().Classify(line, e, rest, context ?? HeadingContext.Start);
    }

    [Theory]
    [InlineData("一、存在的问题", SectionKind.Problems)]
    [InlineData("二、原因剖析", SectionKind.Causes)]
    [InlineData("三、今后的努力方向", SectionKind.Measures)]
    [InlineData("一、2021年度民主生活会整改措施落实情况", SectionKind.PriorRectification)]
    [InlineData("三、典型案例剖析", SectionKind.CaseAnalysis)]
    public void Classify_NamesTheKind_FromTheHeadingWords(string text, SectionKind kind) =>
        Assert.Equal(kind, Classify(text)?.Kind);

    [Fact]
    public void Classify_KeepsTheTextAfterAHeadingInTheSameParagraph()
    {
        var heading = Classify("二、原因剖析：一是理想信念有所弱化。");

        Assert.Equal(SectionKind.Causes, heading?.Kind);
        Assert.Equal("一是理想信念有所弱化。", heading?.Remainder);
    }

    [Theory]
    [InlineData("一是学习不够深入。")]
    [InlineData("（二）政治素质方面。作为一名老党员，我有时标准不高。")]
    [InlineData("1.理论学习不够深入")]
    public void Classify_NeverTakesAnItem_ForAHeading(string text) =>
        Assert.Null(Classify(text, new HeadingContext(SectionKind.Problems, "cn-dun", false, "cn-dun")));

    [Fact]
    public void Classify_TakesALongHeading_WhenTheFormatMarksItATopLevelHeading()
    {
        const string heading = "深刻剖析问题产生的思想根源和工作层面的深层次原因所在";
        var context = new HeadingContext(SectionKind.Problems, null, false, null);

        Assert.Equal(SectionKind.Causes, Classify(heading, context, headingLevel: 0)?.Kind);
        Assert.Null(Classify(heading, context));
    }

    [Fact]
    public void Classify_NeverNamesAPart_FromAHeadingHintAlone() =>
        Assert.Null(Classify("创新的良好氛围", new HeadingContext(SectionKind.Measures, "cn-dun", false, "cn-dun"), headingLevel: 0));
}
