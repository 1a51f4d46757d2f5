using SelfReview.Pipeline.Vocabulary;
using SelfReview.Pipeline.Vocabulary.Files;

namespace SelfReview.Pipeline.Parsing;

/// <summary>
/// Finds the items that run together inside one paragraph (domain.md: <c>…。二是…。三是…</c>,
/// <c>首先…其次，…第三，…</c>) without cutting rhetorical enumerations inside a sentence (<c>一怕…二怕…</c>):
/// a list continues after a sentence end when its next ordinal follows; a new list opens only after a
/// short lead or a colon. The numbers and words are in enumerators.json "inline".
/// </summary>
public sealed class InlineItemSplitter(DomainVocabulary vocabulary, EnumeratorRecognizer enumerators)
{
    private InlineRulesEntry Rules => vocabulary.Inline;

    /// <summary>The cuts in a paragraph's match text.</summary>
    /// <param name="lead">The enumerator the paragraph starts with, if any.</param>
    /// <param name="match">The paragraph's match text, after that enumerator.</param>
    /// <param name="open">The last ordinal of each list open at the paragraph's start (updated as lists continue).</param>
    public IReadOnlyList<InlineCut> Split(Enumerator? lead, string match, Dictionary<string, int> open)
    {
        var cuts = new List<InlineCut>();
        for (var p = 1; p < match.Length - 1; p++)
        {
            var separator = match[p - 1];
            var afterColon = separator is '：' or ':';
            if (!Rules.SentenceEnds.Contains(separator, StringComparison.Ordinal) && !afterColon)
            {
                continue;
            }

            // Any family may continue its list inside a paragraph (…。2）…); only inline families open one there.
            var inner = enumerators.Match(match, p);
            if (inner is null)
            {
                continue;
            }

            var ordinal = inner.Family == Rules.SequenceFamily && inner.Ordinal == Rules.LastWordOrdinal && open.TryGetValue(Rules.SequenceFamily, out var lastSeq) ? lastSeq + 1 : inner.Ordinal;
            var continues = open.Any(e => vocabulary.AreSiblings(e.Key, inner.Family) && ordinal == e.Value + 1);
            // A new list may open inside a paragraph only right after a short lead ("（一）理论学习方面：一是…").
            var shortLead = cuts.Count == 0 && lead is not null && lead.Family != inner.Family
                && (p <= Rules.ShortLeadLength || (p <= Rules.AspectLeadLength && match.AsSpan(0, p - 1).EndsWith(Rules.AspectLeadSuffix, StringComparison.Ordinal)));
            var opens = !open.ContainsKey(inner.Family) && ordinal == 1
                && (shortLead || (afterColon && vocabulary.Enumerators.First(f => f.Id == inner.Family).Inline));
            if (inner.Family == Rules.SequenceFamily && opens && !match.AsSpan(p).Contains(Rules.SequenceSecondWord, StringComparison.Ordinal))
            {
                opens = false;
            }

            if (continues || opens)
            {
                cuts.Add(new InlineCut(p, inner with { Ordinal = ordinal }));
                open[inner.Family] = ordinal;
                p += inner.Length - 1;
            }
        }

        return cuts;
    }

    /// <summary>A list whose first item begins inside a lead-in clause ("整改上，一是…", "今后，我一要…"): where it starts.</summary>
    public InlineCut? ListInLead(string match)
    {
        for (var p = 1; p < Math.Min(match.Length, Rules.LeadInLength); p++)
        {
            if (!Rules.LeadEnds.Contains(match[p - 1], StringComparison.Ordinal))
            {
                continue;
            }

            if (enumerators.Match(match, p, inlineOnly: true) is { Ordinal: 1 } e)
            {
                return new InlineCut(p, e);
            }
        }

        return null;
    }
}
