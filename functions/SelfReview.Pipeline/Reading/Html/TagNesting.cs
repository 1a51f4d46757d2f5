namespace SelfReview.Pipeline.Reading.Html;

/// <summary>
/// How deep the elements of an HTML text nest, from a scan of its tags before any parsing: an HTML5
/// tree builder spends time that grows with the square of the open elements on deeply nested input (a
/// hundred thousand nested div took minutes), and that time cannot be cancelled. Tags whose end is
/// optional (p, li, td …) and void elements (br, img …) are not counted, so sloppy but ordinary pages
/// stay shallow; the scan over-counts only where the tree builder itself would nest.
/// </summary>
internal static class TagNesting
{
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements (HTML 13.1.2)
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // elements whose end tag may be omitted (HTML 13.1.2.4)
        "html", "head", "body", "p", "li", "dt", "dd", "rt", "rp", "optgroup", "option", "colgroup", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
        // Word's Office namespaces write <o:p></o:p> and the like; counted or not, they close
        "o:p",
    };

    /// <summary>Whether the elements of <paramref name="html"/> nest deeper than <paramref name="max"/>.</summary>
    public static bool Exceeds(string html, int max)
    {
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var nameEnd = start;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is ':' or '-' or '_'))
            {
                nameEnd++;
            }

            var close = html.IndexOf('>', nameEnd);
            if (nameEnd == start || close < 0)
            {
                i++; // "<!doctype", "<![if …]>", or a lone "<" in text
                continue;
            }

            var name = html.AsSpan(start, nameEnd - start);
            var selfClosing = html[close - 1] == '/';
            if (!selfClosing && !NotCounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                depth += closing ? -1 : 1;
                if (depth > max)
                {
                    return true;
                }

                if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
                {
                    // Raw text: skip to its end tag.
                    var end = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? html.Length : end;
                    continue;
                }
            }

            depth = Math.Max(depth, 0);
            i = close + 1;
        }

        return false;
    }
}
