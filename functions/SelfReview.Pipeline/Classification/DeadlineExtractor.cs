using System.Globalization;
using System.Text.RegularExpressions;
using SelfReview.Contracts;
using SelfReview.Pipeline.Parsing;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Classification;

/// <summary>
/// Finds a measure's deadline: the text as written, the date it names where it names one
/// (2024年6月底前 → 2024-06-30; 年底前 against the meeting year), or its kind
/// (立行立改 immediate, 长期坚持 ongoing, 每季度 recurring).
/// </summary>
public sealed class DeadlineExtractor(DomainVocabulary vocabulary)
{
    /// <summary>
    /// A problem's own deadline: only where the author labels one after it (整改时限：2025年年底前, issue 11), so a
    /// date inside the problem's narrative is never taken for it.
    /// </summary>
    public Deadline? ExtractLabelled(string text, int? meetingYear, DateOnly? meetingDate = null)
    {
        var m = vocabulary.ProblemDeadlineLabel.Match(vocabulary.ToSimplified(text));
        return m.Success ? Extract(text[(m.Index + m.Length)..], meetingYear, meetingDate) : null;
    }

    public Deadline? Extract(string text, int? meetingYear, DateOnly? meetingDate = null)
    {
        var match = vocabulary.ToSimplified(text);
        foreach (var rule in vocabulary.DeadlineRules)
        {
            var m = rule.Pattern.Match(match);
            if (m.Success)
            {
                var written = text.Substring(m.Index, m.Length);
                return new Deadline(written, DueDate(rule.Rule, m, meetingYear) ?? Relative(rule.Rule, m, meetingDate), rule.Kind);
            }
        }

        return null;
    }

    private static DateOnly? DueDate(string rule, Match m, int? meetingYear)
    {
        int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : meetingYear;
        switch (rule)
        {
            case "ymd" when year is int y && TryMonth(m, out var month) && int.TryParse(m.Groups["d"].Value, CultureInfo.InvariantCulture, out var day):
                return day >= 1 && day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
            case "ym-end" or "m-end" when year is int y && TryMonth(m, out var month):
                return EndOfMonth(y, month);
            case "y-half" or "half" when year is int y:
                return m.Groups["h"].Value == "上" ? new DateOnly(y, 6, 30) : new DateOnly(y, 12, 31);
            case "y-quarter" when year is int y:
                var q = m.Groups["q"].Value switch { "一" or "1" => 1, "二" or "2" => 2, "三" or "3" => 3, _ => 4 };
                return EndOfMonth(y, q * 3);
            case "y-end" or "year-end" when year is int y:
                return new DateOnly(y, 12, 31);
            default:
                // Relative periods (3个月内) have no anchor in the text: the unit's default applies downstream.
                return null;
        }
    }

    /// <summary>A relative period (3个月内, 半年内, 两周内) counted from the meeting date, when the statement writes it.</summary>
    private static DateOnly? Relative(string rule, Match m, DateOnly? meetingDate)
    {
        if (rule != "months" || meetingDate is not { } from || !m.Groups["n"].Success)
        {
            return null;
        }

        var value = m.Groups["n"].Value;
        var unit = m.Groups["u"].Value;
        if (value == "半")
        {
            return unit is "年" ? from.AddMonths(6) : null;
        }

        var n = int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed : EnumeratorRecognizer.ParseChinese(value);
        return unit switch
        {
            "月" => from.AddMonths(n),
            "季度" => from.AddMonths(3 * n),
            "周" or "星期" => from.AddDays(7 * n),
            "日" or "天" => from.AddDays(n),
            "年" => from.AddYears(n),
            _ => null,
        };
    }

    private static bool TryMonth(Match m, out int month)
    {
        var value = m.Groups["m"].Value;
        month = int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : EnumeratorRecognizer.ParseChinese(value);
        return month is >= 1 and <= 12;
    }

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));
}
