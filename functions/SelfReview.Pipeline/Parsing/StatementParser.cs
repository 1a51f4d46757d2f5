using System.Globalization;
using System.Text.RegularExpressions;
using SelfReview.Contracts;
using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Parsing;

/// <summary>
/// Splits a statement's lines into sections (problems, causes, measures and the others) and their
/// enumerated items: the structure domain.md describes, with its traps — headings with text in one
/// paragraph, items run together, aspects without items, continuation paragraphs, unheaded causes,
/// statements that start mid-way.
/// </summary>
public sealed partial class StatementParser(DomainVocabulary vocabulary, EnumeratorRecognizer enumerators, TitleBlockReader titleBlock, ContentKindGuesser guesser, HeadingClassifier headings, InlineItemSplitter splitter)
{
    private static readonly SectionKind[] MainKinds = [SectionKind.Problems, SectionKind.Causes, SectionKind.Measures];

    public ParsedStatement Parse(IReadOnlyList<Line> lines)
    {
        var block = titleBlock.Read(lines);
        var state = new ParseState(vocabulary.AreSiblings) { Title = block.Title };
        for (var i = 0; i < lines.Count; i++)
        {
            if (!block.Used.Contains(i))
            {
                ParseLine(lines, i, state);
            }
        }

        state.Close();
        ResolveFragments(state.Sections);
        var sections = BuildSections(state, vocabulary.Headings.AspectItemSuffix);
        return new ParsedStatement
        {
            Title = block.Title,
            Author = block.Author,
            MeetingYear = block.MeetingYear,
            MeetingDate = block.MeetingDate,
            Sections = sections,
            MatchText = string.Join('\n', lines.Select(l => l.Match)),
        };
    }

    private void ParseLine(IReadOnlyList<Line> lines, int index, ParseState state)
    {
        var line = lines[index];
        var (enumerator, rest, restMatch) = Split(line);

        if (headings.Classify(line, enumerator, restMatch, state.Context) is { } heading)
        {
            state.StartSection(heading.Kind, heading.Text, enumerator?.Family ?? (line.AutoLabel is null ? null : "auto"));
            if (heading.Remainder.Length > 0)
            {
                // "…的根源在于：一是…。二是…": the list may begin right after the heading's colon.
                var lead = enumerators.Match(heading.RemainderMatch, 0, inlineOnly: true);
                var (text, match) = lead is null ? (heading.Remainder, heading.RemainderMatch) : (heading.Remainder[lead.Length..].TrimStart(), heading.RemainderMatch[lead.Length..].TrimStart());
                AddContent(state, lead, text, match);
            }

            return;
        }

        // A numbered part whose lead-in names the causes ("（二）产生上述问题的原因是多方面的，…"): the lead-in opens them.
        var partLevel = enumerator is null || vocabulary.Enumerators.First(f => f.Id == enumerator.Family) is { Inline: false };
        if (partLevel && (state.Current is null || state.Current.Kind is SectionKind.Problems or SectionKind.Preamble || state.Current.Kind == SectionKind.Other)
            && state.Current?.Kind != SectionKind.Causes && Matches(vocabulary.UnheadedCauses, restMatch)
            && (state.Current is not null || state.Sections.Count > 0 || state.PreambleText.Count > 0 || state.Title is not null))
        {
            state.StartSection(SectionKind.Causes, null, enumerator?.Family);
            AddContent(state, null, rest, restMatch);
            return;
        }

        if (enumerator is null && state.Current is { Kind: SectionKind.Problems or SectionKind.Causes or SectionKind.Other, IsEmpty: false }
            && Matches(vocabulary.UnheadedMeasures, line.Match) && !Matches(vocabulary.Closing, line.Match))
        {
            // "下一步，我将：" followed by items opens the measures without a heading; "整改上，一是…；二是…"
            // and "今后，我一要…" begin their list inside the lead-in sentence.
            state.StartSection(SectionKind.Measures, null, null);
            if (splitter.ListInLead(restMatch) is { } at)
            {
                AddContent(state, null, rest[..at.Position], restMatch[..at.Position]);
                AddContent(state, at.Enumerator, rest[(at.Position + at.Enumerator.Length)..], restMatch[(at.Position + at.Enumerator.Length)..]);
            }
            else
            {
                AddContent(state, null, rest, restMatch);
            }

            return;
        }

        if (enumerator is null && state.Current is { Kind: SectionKind.Measures or SectionKind.Causes or SectionKind.Problems or SectionKind.PersonalMatters or SectionKind.CaseAnalysis, IsEmpty: false }
            && Matches(vocabulary.Closing, line.Match) && !EnumeratedLinesFollow(lines, index))
        {
            state.StartSection(SectionKind.Closing, null, null);
            AddContent(state, null, rest, restMatch);
            return;
        }

        if (enumerator is not null && state.Current is { } open && open.Kind is SectionKind.Problems or SectionKind.Causes or SectionKind.Measures or SectionKind.Other
            && (open.RestartsTopList(enumerator) || open.OpensShallowerList(enumerator) || open.OpensListUnderItemsWithoutSubItems(enumerator)
                || (open.Heading is null && open.OpensFirstList(enumerator))))
        {
            // A new list under no new heading: a part whose heading is missing. Its language tells which
            // (issue 11); without a heading of its own only a later part in the usual order is believed.
            var guess = guesser.Guess(GroupAt(lines, index, enumerator));
            var order = Array.IndexOf(MainKinds, open.Kind);
            if (guess != open.Kind && (open.Heading is null || Array.IndexOf(MainKinds, guess) > order))
            {
                state.StartSection(guess, null, null);
            }
        }

        if (state.Current is null)
        {
            if (enumerator is null && state.Sections.Count == 0)
            {
                state.PreambleText.Add(line.Text);
                return;
            }

            // Enumerated content before any heading: a statement that begins mid-way. Its kind is decided later.
            state.StartSection(SectionKind.Other, null, null, fragment: true);
        }

        AddContent(state, enumerator, rest, restMatch);
    }

    /// <summary>Adds a line's content, splitting items that run together inside one paragraph.</summary>
    private void AddContent(ParseState state, Enumerator? enumerator, string text, string match)
    {
        var section = state.Current!;
        var expected = section.OpenOrdinals(enumerator is { Ordinal: > 0 } ? enumerator : null);

        var cuts = splitter.Split(enumerator, match, expected);
        var start = 0;
        var current = enumerator;
        foreach (var (position, next) in cuts)
        {
            Add(section, current, text[start..position].Trim());
            start = position + next.Length;
            current = next;
        }

        Add(section, current, text[start..].Trim());
    }

    private static void Add(SectionBuilder section, Enumerator? enumerator, string text)
    {
        if (enumerator is null)
        {
            if (text.Length > 0)
            {
                section.AddLoose(text);
            }
        }
        else
        {
            section.AddEnumerated(enumerator, text);
        }
    }

    private (Enumerator? Enumerator, string Body, string BodyMatch) Split(Line line)
    {
        if (line.AutoLabel is { } label)
        {
            return (enumerators.MatchLabel(label), line.Text, line.Match);
        }

        var e = enumerators.Match(line.Match);
        return e is null ? (null, line.Text, line.Match) : (e, line.Text[e.Length..].TrimStart(), line.Match[e.Length..].TrimStart());
    }

    /// <summary>Whether items follow: then a pledge-like sentence introduces them rather than closing the statement.</summary>
    private bool EnumeratedLinesFollow(IReadOnlyList<Line> lines, int index)
    {
        for (var i = index + 1; i < lines.Count; i++)
        {
            if (lines[i].AutoLabel is not null || enumerators.Match(lines[i].Match) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(IReadOnlyList<Regex> patterns, string text)
    {
        foreach (var p in patterns)
        {
            if (p.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gives fragments (enumerated content before any heading) a kind: the part that comes before the
    /// first heading in the usual order, or, without one, the kind the wording suggests.
    /// </summary>
    private void ResolveFragments(List<SectionBuilder> sections)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Kind != SectionKind.Other)
            {
                continue;
            }

            var next = sections.Skip(i + 1).Select(s => s.Kind).FirstOrDefault(k => Array.IndexOf(MainKinds, k) >= 0, SectionKind.Other);
            var at = Array.IndexOf(MainKinds, next);
            if (sections[i].Heading is null)
            {
                sections[i].Kind = at > 0 ? MainKinds[at - 1] : GuessKind(sections[i]);
            }
            else if (at > 0 && sections[i].HasEnumeratedItems && !sections.Any(s => s.Kind == MainKinds[at - 1]))
            {
                // A part under a heading the vocabulary does not know ("一、存在的‘四风’表现"), followed by the
                // next part in the usual order while its own part is missing: it is that part.
                sections[i].Kind = MainKinds[at - 1];
            }
        }
    }

    private SectionKind GuessKind(SectionBuilder section) => guesser.Guess(section.Leaves().Select(l => l.Node.Text));

    /// <summary>The items of the list that starts at <paramref name="index"/>: up to the next list start of the same family, a heading level line or a loose lead-in.</summary>
    private List<string> GroupAt(IReadOnlyList<Line> lines, int index, Enumerator first)
    {
        const int maxItems = 12;
        var items = new List<string> { lines[index].Text[Math.Min(first.Length, lines[index].Text.Length)..] };
        for (var i = index + 1; i < lines.Count && items.Count < maxItems; i++)
        {
            var (e, body, _) = Split(lines[i]);
            if (e is null)
            {
                continue;
            }

            if (e.Ordinal <= 1 || e.Rank < first.Rank)
            {
                break;
            }

            if (vocabulary.AreSiblings(e.Family, first.Family))
            {
                items.Add(body);
            }
        }

        return items;
    }


    private static List<Section> BuildSections(ParseState state, System.Text.RegularExpressions.Regex aspectSuffix)
    {
        var sections = new List<Section>();
        var counters = new Dictionary<char, int>();
        if (state.PreambleText.Count > 0)
        {
            var text = string.Join('\n', state.PreambleText);
            sections.Add(new Section
            {
                Kind = SectionKind.Preamble,
                Items = [new StatementItem { Id = NextId('a', counters), Title = ItemText.TitleOf(text), Text = text }],
            });
        }

        foreach (var builder in state.Sections)
        {
            var prefix = builder.Kind switch
            {
                SectionKind.Problems => 'p',
                SectionKind.Causes => 'c',
                SectionKind.Measures => 'm',
                SectionKind.PriorRectification => 'r',
                SectionKind.CaseAnalysis => 'k',
                SectionKind.PersonalMatters => 'x',
                SectionKind.Closing => 'z',
                SectionKind.Preamble => 'a',
                _ => 'o',
            };
            var items = builder.Leaves().Select(leaf => ItemText.ToItem(leaf, NextId(prefix, counters), aspectSuffix)).Where(i => i.Text.Length + i.Title.Length > 0).ToList();
            var existing = sections.FindIndex(s => s.Kind == builder.Kind && builder.Heading is null && s.Kind != SectionKind.Other);
            if (existing >= 0 && builder.Heading is null)
            {
                // A fragment and the section it belongs to stay one section.
                sections[existing] = sections[existing] with { Items = [.. sections[existing].Items, .. items] };
                continue;
            }

            sections.Add(new Section { Kind = builder.Kind, Heading = builder.Heading, Items = items });
        }

        return sections;
    }

    private static string NextId(char prefix, Dictionary<char, int> counters)
    {
        counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
        return prefix + counters[prefix].ToString(CultureInfo.InvariantCulture);
    }

    private sealed class ParseState(Func<string, string, bool> siblings)
    {
        public string? Title { get; set; }
        public List<string> PreambleText { get; } = [];
        public List<SectionBuilder> Sections { get; } = [];
        public SectionBuilder? Current { get; private set; }

        public HeadingContext Context => Current is null
            ? HeadingContext.Start with { SectionFamily = SectionFamily }
            : new HeadingContext(Current.Kind, Current.HeadingFamily, Current.IsEmpty, SectionFamily);

        /// <summary>The enumerator family of the first numbered section heading.</summary>
        public string? SectionFamily { get; private set; }

        public void StartSection(SectionKind kind, string? heading, string? family, bool fragment = false)
        {
            Close();
            Current = new SectionBuilder(kind, fragment ? null : heading, family, siblings);
            if (!fragment && heading is not null && family is not null)
            {
                SectionFamily ??= family;
            }
        }

        public void Close()
        {
            if (Current is not null && (!Current.IsEmpty || Current.Heading is not null))
            {
                Sections.Add(Current);
            }

            Current = null;
        }
    }
}
