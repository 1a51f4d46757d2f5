using System.Globalization;
using System.Text.RegularExpressions;
using SelfReview.Contracts;
using SelfReview.Pipeline.Cleaning;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Parsing;

/// <summary>
/// Reads the title block and the signature of a statement (domain.md, "Who wrote it"): the title (with a
/// second title line or subtitle), the author from the title (<c>…局长韩××同志…材料</c>), from an author line
/// under it (<c>发言人：…</c>, position and name separated by spaces) or from a signature in the last lines
/// (<c>党员：何××</c>, <c>综合科　孙××</c>, a name and a date), and the meeting year. A salutation
/// (<c>各位党员同志：</c>) is never the author. Patterns and limits are in titleblock.json.
/// </summary>
public sealed class TitleBlockReader(DomainVocabulary vocabulary, EnumeratorRecognizer enumerators)
{
    private TitleBlockRules Rules => vocabulary.TitleBlock;

    public TitleBlock Read(IReadOnlyList<Line> lines)
    {
        var used = new HashSet<int>();
        var limits = Rules.Limits;
        string? title = null;
        Person? author = null;
        var i = 0;

        // Site headers above the title (更新时间:… 作者:…) are neither title nor author.
        while (i < lines.Count && i < limits.HeaderWindow && Rules.HeaderLeftovers.Any(p => p.IsMatch(lines[i].Match)))
        {
            used.Add(i++);
        }

        if (i < lines.Count && IsEnumerated(lines[i]) is false && IsTitle(lines[i].Match))
        {
            title = lines[i].Text;
            used.Add(i);
            author = FromTitle(lines[i].Text, lines[i].Match);
            i++;
            if (i < lines.Count && !IsEnumerated(lines[i]) && (IsSubtitle(lines[i].Match) || IsTitleContinuation(lines[i].Match)))
            {
                title += lines[i].Text;
                author ??= FromTitle(lines[i].Text, lines[i].Match);
                used.Add(i++);
            }
        }

        // Under the title: author lines, a date, a salutation.
        for (var end = Math.Min(lines.Count, i + limits.HeaderWindow); i < end; i++)
        {
            var line = lines[i];
            if (IsEnumerated(line))
            {
                break;
            }

            if (IsNotAuthor(line.Match) || Rules.DateLine.IsMatch(line.Match))
            {
                used.Add(i);
                continue;
            }

            if (AuthorLine(line.Text) is { } found)
            {
                author ??= found;
                used.Add(i);
                continue;
            }

            break;
        }

        // The signature: the last lines, from the end, while they are a name, a date or a signature line.
        var start = i;
        DateOnly? date = null;
        for (var j = lines.Count - 1; j >= Math.Max(start, lines.Count - limits.SignatureWindow); j--)
        {
            var line = lines[j];
            if (IsEnumerated(line) || line.Match.Length > limits.AuthorLineMaxLength)
            {
                break;
            }

            if (Rules.DateLine.IsMatch(line.Match))
            {
                date ??= DateOf(line.Match);
                used.Add(j);
                continue;
            }

            if (IsNotAuthor(line.Match))
            {
                break;
            }

            if ((AuthorLine(line.Text) ?? Signature(line.Text)) is { } signed)
            {
                author ??= signed;
                date ??= DateOf(line.Match);
                used.Add(j);
                continue;
            }

            break;
        }

        return new TitleBlock(title, author, date?.Year ?? MeetingYear(title, lines, used), date, used);
    }

    /// <summary>An author line: a labelled name (<c>发言人：…</c>), or a position and a name separated by spaces.</summary>
    public Person? AuthorLine(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > Rules.Limits.AuthorLineMaxLength)
        {
            return null;
        }

        foreach (var pattern in Rules.AuthorLines)
        {
            var m = pattern.Match(trimmed);
            if (m.Success)
            {
                var label = m.Groups["label"] is { Success: true } l && !Rules.RoleLabels.Contains(l.Value) ? l.Value : null;
                return PersonOf(m.Groups["name"].Value, m.Groups["position"] is { Success: true } p ? p.Value : label);
            }
        }

        return null;
    }

    private Person? Signature(string text)
    {
        foreach (var pattern in Rules.Signatures)
        {
            var m = pattern.Match(text.Trim());
            if (m.Success)
            {
                return PersonOf(m.Groups["name"].Value, null);
            }
        }

        return null;
    }

    /// <summary>A name in the title: <c>县发改局局长韩××同志…</c>, <c>韩××同志…</c>.</summary>
    public Person? FromTitle(string text, string match)
    {
        foreach (var pattern in Rules.TitleAuthors)
        {
            var m = pattern.Match(match);
            if (!m.Success)
            {
                continue;
            }

            var name = text.Substring(m.Groups["name"].Index, m.Groups["name"].Length);
            string? position = null;
            if (m.Groups["position"] is { Success: true } p)
            {
                position = Rules.PositionNoise.Replace(text.Substring(p.Index, p.Length), string.Empty);
            }

            return PersonOf(name, position);
        }

        return null;
    }

    private static Person? PersonOf(string name, string? position)
    {
        name = Regex.Replace(name, @"[\s\u3000]", string.Empty);
        if (name.Length < 2)
        {
            return null;
        }

        position = position?.Trim().Trim('（', '）', '(', ')', '：', ':').Trim();
        return new Person(name, string.IsNullOrEmpty(position) ? null : position);
    }

    private bool IsNotAuthor(string match) => Rules.NotAuthors.Any(p => p.IsMatch(match.Trim()));

    private bool IsEnumerated(Line line) => line.AutoLabel is not null || enumerators.Match(line.Match) is not null;

    private bool IsTitle(string match)
    {
        var limits = Rules.Limits;
        if (match.Length > limits.TitleMaxLength || match.Length < limits.TitleMinLength || "。；，".Contains(match[^1]))
        {
            return false;
        }

        return vocabulary.StatementTitle.Any(p => p.IsMatch(match)) || vocabulary.NonStatementTitles.Any(n => n.Pattern.IsMatch(match))
            || Rules.TitleWords.IsMatch(match) || (match.Length <= limits.ShortTitleLength && !match.Contains('，') && !IsNotAuthor(match));
    }

    /// <summary>A title set on two lines: the second names the kind of material ("个人检视剖析材料").</summary>
    private bool IsTitleContinuation(string match) =>
        match.Length is > 0 and <= 30 && !"。；，：".Contains(match[^1]) && Rules.TitleKindWords.IsMatch(match);

    private static bool IsSubtitle(string match) =>
        match.StartsWith("——", StringComparison.Ordinal) || match.StartsWith("--", StringComparison.Ordinal)
        || (match.Length <= 24 && (match.StartsWith('（') || match.StartsWith('(')) && (match.EndsWith('）') || match.EndsWith(')')));

    /// <summary>
    /// The year the meeting is held when no date is written at the end: the year the title names (else the lines
    /// before the first item); "2023年度" meetings are held early in the next year (annualYearOffset).
    /// </summary>
    private int? MeetingYear(string? title, IReadOnlyList<Line> lines, HashSet<int> used)
    {
        var candidates = new List<string>();
        if (title is not null)
        {
            candidates.Add(vocabulary.ToSimplified(title));
        }

        for (var i = 0; i < lines.Count && i < 8; i++)
        {
            if (IsEnumerated(lines[i]))
            {
                break;
            }

            if (!used.Contains(i))
            {
                candidates.Add(lines[i].Match);
            }
        }

        foreach (var text in candidates)
        {
            var m = Rules.MeetingYear.Match(text);
            if (m.Success)
            {
                var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                return m.Groups["annual"].Success ? year + Rules.Limits.AnnualYearOffset : year;
            }
        }

        // A campaign held in one year dates the statement (群众路线教育实践活动 → 2014); else the first year the text names.
        var named = candidates.FirstOrDefault();
        if (named is not null && vocabulary.Frameworks.FirstOrDefault(f => f.MeetingYear is not null && f.TitleWords.Any(w => named.Contains(w, StringComparison.Ordinal))) is { } framework)
        {
            return framework.MeetingYear;
        }

        foreach (var line in lines)
        {
            var m = Rules.MeetingYear.Match(line.Match);
            if (m.Success)
            {
                return int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private DateOnly? DateOf(string match)
    {
        var m = Rules.DateParts.Match(match);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }
}
