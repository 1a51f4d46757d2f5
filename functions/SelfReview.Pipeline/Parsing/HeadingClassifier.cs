using SelfReview.Contracts;
using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Parsing;

/// <summary>
/// Tells a section heading from an item, and the heading's kind: by its words (sections.json kinds), its
/// enumerator's level against the statement's section headings, and the format's heading hint (a Word
/// heading style or outline level, which the readers compute) as evidence for the level: a hinted line
/// may be as long as a numbered section heading, but only words name its kind. A heading may
/// carry its text in the same paragraph (<c>二、原因剖析：…</c>); an unknown heading at section level is the next
/// part in the usual order (问题 → 原因 → 措施).
/// </summary>
public sealed class HeadingClassifier(DomainVocabulary vocabulary)
{
    private static readonly SectionKind[] MainKinds = [SectionKind.Problems, SectionKind.Causes, SectionKind.Measures];

    private HeadingRules Rules => vocabulary.Headings;

    /// <param name="line">The line.</param>
    /// <param name="enumerator">Its enumerator, if any.</param>
    /// <param name="rest">The match text after the enumerator.</param>
    /// <param name="context">The open section.</param>
    public HeadingMatch? Classify(Line line, Enumerator? enumerator, string rest, HeadingContext context)
    {
        // Items (一是, ①, 首先) are never section headings.
        if (enumerator is not null && vocabulary.Enumerators.FirstOrDefault(f => f.Id == enumerator.Family) is { Inline: true }
            && !Rules.Limits.InlineHeadingFamilies.Contains(enumerator.Family))
        {
            return null;
        }

        var limits = Rules.Limits;
        var cut = rest.IndexOfAny(['。', '：', ':', '；']);
        var head = (cut < 0 ? rest : rest[..cut]).Trim().TrimEnd('，', ',');
        var remainderStart = cut < 0 ? rest.Length : cut + 1;
        var hasRemainder = rest.Length - remainderStart > 0;
        // At the level of the section headings a heading may be long and phrased ("二、深挖问题产生的思想根源，从…剖析").
        // The section family is the one the statement's section headings use (一、 most often); an unheaded
        // part (causes found by their opening words) keeps it. A top-level heading style says the same of an unnumbered line.
        var levelFamily = context.CurrentHeadingFamily ?? context.SectionFamily;
        var sectionLevel = enumerator is not null
            ? levelFamily is null ? enumerator.Rank <= 1 : enumerator.Family == levelFamily
            : line.HeadingLevel == limits.SectionOutlineLevel && !hasRemainder;
        var maxLength = sectionLevel && !hasRemainder ? limits.SectionHeadingMaxLength : limits.HeadingMaxLength;
        if (head.Length == 0 || head.Length > maxLength || (hasRemainder && head.Length > limits.LeadHeadingMaxLength))
        {
            return null;
        }

        if (!(sectionLevel && !hasRemainder) && LooksLikeSentence(head))
        {
            return null;
        }

        if (context.CurrentKind is not null && enumerator is not null && context.CurrentHeadingFamily is not null && !sectionLevel && hasRemainder)
        {
            // Deeper than the section headings, a line that goes on after its lead is an item ("2.如实报告个人有关事项。会后…").
            return null;
        }

        var kind = KindOf(head);
        if (kind is null)
        {
            // A heading hint alone never names a part: OCR marks short broken lines as headings too.
            if (!sectionLevel || enumerator is null || head.Length > limits.UnknownHeadingMaxLength || hasRemainder || Rules.AspectSuffix.IsMatch(head))
            {
                return null;
            }

            // An unknown heading at the level of the section headings: after problems or causes it is the
            // next part in the usual order (问题 → 原因 → 措施); elsewhere a part of its own (学习收获 …).
            kind = context.CurrentKind is { } current && Array.IndexOf(MainKinds, current) is var at and >= 0 and < 2 ? MainKinds[at + 1] : SectionKind.Other;
        }

        if (context.CurrentKind is not null && enumerator is not null && context.CurrentHeadingFamily is not null
            && enumerator.Family != context.CurrentHeadingFamily && kind == context.CurrentKind)
        {
            // A deeper heading that names the same part is an aspect of it ("（一）理论学习方面存在的问题").
            return null;
        }

        if (context.CurrentKind is not null && context.CurrentHeadingFamily is null && enumerator is not null && context.CurrentKind == kind && !context.CurrentIsEmpty)
        {
            return null;
        }

        var text = line.Text;
        var offset = text.Length - rest.Length;
        var remainder = remainderStart < rest.Length ? text[(offset + remainderStart)..].Trim() : string.Empty;
        var remainderMatch = remainderStart < rest.Length ? line.Match[(offset + remainderStart)..].Trim() : string.Empty;
        var headingText = line.Text.Substring(offset, Math.Min(head.Length, line.Text.Length - offset));
        return new HeadingMatch(kind.Value, headingText, remainder, remainderMatch);
    }

    /// <summary>The section kind a heading's words name, the first of sections.json's kinds that matches.</summary>
    public SectionKind? KindOf(string head)
    {
        foreach (var pattern in vocabulary.SectionPatterns)
        {
            if (pattern.Patterns.Any(p => p.IsMatch(head)))
            {
                return pattern.Kind;
            }
        }

        return null;
    }

    private bool LooksLikeSentence(string head) =>
        head.Contains('，') || head.Contains(',') || (Rules.SentenceCues.IsMatch(head) && !Rules.ShortfallHeading.IsMatch(head));
}
