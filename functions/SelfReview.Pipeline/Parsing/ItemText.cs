using SelfReview.Contracts;

namespace SelfReview.Pipeline.Parsing;

/// <summary>Turns the leaves of an item tree into items: label, aspect, title, text.</summary>
internal static class ItemText
{
    private static readonly System.Buffers.SearchValues<char> HeadEnds = System.Buffers.SearchValues.Create("。：:；;！？");
    private static readonly char[] HeadEndChars = ['。', '：', ':', '；', ';', '！', '？'];

    public static StatementItem ToItem(LeafItem leaf, string id, System.Text.RegularExpressions.Regex aspectSuffix)
    {
        var node = leaf.Node;
        var head = HeadOf(node.FirstLine);
        var inlineRest = node.FirstLine.Length > head.Length ? node.FirstLine[head.Length..].TrimStart(HeadEndChars).Trim() : string.Empty;
        var continuation = node.Text.Length > node.FirstLine.Length ? node.Text[node.FirstLine.Length..].Trim() : string.Empty;
        var isAspectOnly = !node.IsLoose && head.Length is > 0 and <= 20 && (
            aspectSuffix.IsMatch(head) || leaf.SiblingsHaveItems
            || (inlineRest.Length == 0 && continuation.Length > 0 && !head.Contains('，')));

        if (isAspectOnly)
        {
            var body = string.Join('\n', new[] { inlineRest, continuation }.Where(s => s.Length > 0));
            return new StatementItem
            {
                Id = id,
                Label = node.Enumerator?.Label,
                Aspect = head,
                Title = head,
                Text = body.Length > 0 ? body : head,
            };
        }

        return new StatementItem
        {
            Id = id,
            Label = node.Enumerator?.Label,
            Aspect = leaf.Aspect is null ? null : HeadOf(leaf.Aspect.FirstLine) is { Length: > 0 } a ? a : null,
            Title = TitleOf(node.Text),
            Text = node.Text,
        };
    }

    /// <summary>The heading part of a line: up to the first full stop or colon.</summary>
    public static string HeadOf(string line)
    {
        var cut = line.AsSpan().IndexOfAny(HeadEnds);
        var head = (cut < 0 ? line : line[..cut]).Trim();
        return head.Length <= 40 ? head : head[..40];
    }

    /// <summary>A short title: the first clause, cut at a comma when long.</summary>
    public static string TitleOf(string text)
    {
        var firstLine = text.Split('\n')[0];
        var cut = firstLine.AsSpan().IndexOfAny(HeadEnds);
        var clause = cut < 0 ? firstLine : firstLine[..cut];
        if (clause.Length > 30)
        {
            var comma = clause.IndexOfAny(['，', ',']);
            if (comma > 4)
            {
                clause = clause[..comma];
            }
        }

        return clause.Length > 40 ? clause[..40] + "…" : clause.Trim();
    }
}
