using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Tests.Parsing;

public sealed class InlineItemSplitterTests
{
    private static IReadOnlyList<InlineCut> Split(string text, Dictionary<string, int>? open = null)
    {
        var match = DomainVocabulary.Default.ToSimplified(text);
        var lead = Engine.Get<EnumeratorRecognizer>().Match(match);
        var body = lead is null ? match : match[lead.Length..];
        return Engine.Get<InlineItemSplitter>().Split(lead, body, open ?? (lead is null ? [] : new() { [lead.Family] = lead.Ordinal }));
    }

    [Fact]
    public void Split_CutsItemsThatContinueTheirList()
    {
        var cuts = Split("一是调研不深入。二是会议偏多，文件偏长。三是督办不力。");

        Assert.Equal(["二是", "三是"], cuts.Select(c => c.Enumerator.Label));
    }

    [Fact]
    public void Split_KeepsARhetoricalEnumerationInsideItsSentence()
    {
        Assert.Empty(Split("1.担当不足。遇到难题一怕担责任，二怕惹麻烦，推进不力。"));
    }

    [Fact]
    public void Split_FollowsASequenceIntoOrdinalWords()
    {
        var cuts = Split("1、加强理论学习。首先，制定学习计划。其次，坚持读原著。第三，学用结合。第四，接受监督。");

        Assert.Equal(["首先", "其次", "第三", "第四"], cuts.Select(c => c.Enumerator.Label.TrimEnd('，')));
    }

    [Fact]
    public void Split_OpensAListAfterAColon()
    {
        var cuts = Split("产生问题的原因在于：一是理想信念不够坚定。二是党性修养有所放松。", []);

        Assert.Equal([1, 2], cuts.Select(c => c.Enumerator.Ordinal));
    }

    [Theory]
    [InlineData("整改上，一是认真参加集中学习；二是当天受理报修。", 4)]
    [InlineData("今后，我一要认真学习党章党规；二要主动认领难题。", 4)]
    public void ListInLead_FindsTheFirstItemInsideALeadIn(string text, int position)
    {
        var cut = Engine.Get<InlineItemSplitter>().ListInLead(text);

        Assert.Equal(position, cut?.Position);
        Assert.Equal(1, cut?.Enumerator.Ordinal);
    }
}
