using SelfReview.Contracts;
using SelfReview.Pipeline.Parsing;

namespace SelfReview.Tests.Parsing;

public sealed class ContentKindGuesserTests
{
    private static SectionKind Guess(params string[] items) => Engine.Get<ContentKindGuesser>().Guess(items);

    [Fact]
    public void Guess_ReadsRootCauseLanguage_AsCauses()
    {
        Assert.Equal(SectionKind.Causes, Guess(
            "思想意识有所僵化。长期在一个岗位上，习惯用老办法解决新问题。",
            "理想信念有所动摇。把自己等同于普通的办事员。",
            "宗旨意识淡化。和群众面对面的机会少了。"));
    }

    [Fact]
    public void Guess_ReadsForwardLookingLanguage_AsMeasures()
    {
        Assert.Equal(SectionKind.Measures, Guess(
            "坚持每周学习两次，年底前读完三本原著。",
            "建立走访台账，每月到联系点走访一次。",
            "严格执行请示报告制度，立行立改。"));
    }

    [Fact]
    public void Guess_ReadsSelfCriticalLanguage_AsProblems()
    {
        Assert.Equal(SectionKind.Problems, Guess(
            "学习不够深入。满足于读原文、记笔记。",
            "服务群众不够主动。群众来办事时有时不够耐心。",
            "形式主义表现突出。开会多、调研少。"));
    }
}
