using System.Text.RegularExpressions;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>The short title of an item, as lists and review notes show it.</summary>
public static partial class ItemTitles
{
    /// <summary>
    /// An item's short title: its own title, or for an aspect-only item (whose title is its aspect
    /// heading) the first clause that states the problem: past a positive opening (能够…，但…) and ended
    /// at a clause, never with an ellipsis.
    /// </summary>
    public static string Of(StatementItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // An aspect-only item's title is its aspect heading (廉洁自律方面, 在带头…方面): the problem is in its text.
        var headingOnly = item.Title == item.Aspect || item.Title.EndsWith("方面", StringComparison.Ordinal);
        var text = item.Text.StartsWith(item.Title, StringComparison.Ordinal) ? item.Text[item.Title.Length..].TrimStart('。', '，', '：', ' ') : item.Text;
        var title = headingOnly && text.Length > 0 ? text.Split('。', '；', '！')[0] : item.Title;
        var turn = PositiveOpening().Match(title);
        if (turn.Success && turn.Length < title.Length - 4)
        {
            title = title[(turn.Index + turn.Length)..];
        }

        // 总体是好的，但…: what follows the turn is the problem.
        var contrast = Contrast().Match(title);
        if (contrast.Success && contrast.Index + contrast.Length < title.Length - 4)
        {
            title = title[(contrast.Index + contrast.Length)..];
        }

        title = title.Trim().TrimEnd('。', '，', '；', '：');
        if (title.Length > 30)
        {
            var comma = title.LastIndexOf('，', 30);
            title = comma >= 6 ? title[..comma] : title;
        }

        return title;
    }

    /// <summary>A positive opening before the real problem: 能够…，但 / 虽然…，但是 / 总体较好，然而.</summary>
    [GeneratedRegex("^(能够|始终|一直|总体|虽然|虽|尽管|基本上)[^，,]{0,40}[，,](但是|但|然而|不过|可是)?", RegexOptions.CultureInvariant)]
    private static partial Regex PositiveOpening();

    [GeneratedRegex("[，,](但是|但|然而|不过|可是|只是)", RegexOptions.CultureInvariant)]
    private static partial Regex Contrast();
}
