using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SelfReview.Pipeline.Reading.Html;

/// <summary>
/// The paragraphs of an HTML document, as Word writes it when a statement is "saved as web page" (and
/// inside an altChunk part): one block per block-level element, headings and table cells marked, markup,
/// scripts, styles and Word's conditional XML left out. The DOM is walked with an explicit stack, so
/// nesting depth costs heap, never the call stack, and is capped by <see cref="LimitsOptions.MaxXmlDepth"/>.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "table", "blockquote", "pre",
        "section", "article", "ul", "ol", "dl", "dd", "dt", "center", "address", "header", "footer", "main", "body",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "title", "noscript", "template", "xml", "object", "iframe", "svg", "math",
    };

    /// <summary>Parses <paramref name="html"/> and returns its paragraphs; budgets are counted on <paramref name="budget"/>.</summary>
    public static List<TextBlock> Blocks(string html, TextBudget budget, LimitsOptions limits)
    {
        if (TagNesting.Exceeds(html, limits.MaxXmlDepth))
        {
            throw TooDeep(limits.MaxXmlDepth);
        }

        var document = new HtmlParser().ParseDocument(html);
        var walk = new Walk(budget, limits);
        walk.Run(document.Body ?? document.DocumentElement);
        return walk.Result;
    }

    private static LimitExceededException TooDeep(int max) => new(
        "too_deep",
        string.Create(CultureInfo.InvariantCulture, $"网页文件的元素嵌套超过 {max} 层，不像正常的文档，请在 Word 中打开后另存为 .docx 再上传"));

    private sealed class Walk(TextBudget budget, LimitsOptions limits)
    {
        private readonly StringBuilder _text = new();
        private int _cells;
        private int? _heading;

        public List<TextBlock> Result { get; } = [];

        public void Run(INode root)
        {
            // (node, depth, on the way out): an element is visited once going in and once coming out,
            // so that a block flushes the text before it and the text inside it separately.
            var stack = new Stack<(INode Node, int Depth, bool Exit)>();
            stack.Push((root, 0, false));
            while (stack.TryPop(out var entry))
            {
                var (node, depth, exit) = entry;
                if (node is IText text)
                {
                    AppendCollapsed(text.Data);
                    continue;
                }

                if (node is not IElement element)
                {
                    continue;
                }

                var name = element.LocalName;
                if (exit)
                {
                    Flush();
                    Leave(name);
                    continue;
                }

                if (Skipped.Contains(name))
                {
                    continue;
                }

                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    _text.Append('\n');
                    continue;
                }

                if (depth > limits.MaxXmlDepth)
                {
                    throw TooDeep(limits.MaxXmlDepth);
                }

                if (BlockElements.Contains(name))
                {
                    Flush();
                    Enter(name);
                    stack.Push((element, depth, true));
                }

                for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, depth + 1, false));
                }
            }

            Flush();
        }

        private void Enter(string name)
        {
            if (name is "td" or "th")
            {
                _cells++;
            }
            else if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
            {
                _heading = name[1] - '1';
            }
        }

        private void Leave(string name)
        {
            if (name is "td" or "th")
            {
                _cells--;
            }
            else if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
            {
                _heading = null;
            }
        }

        /// <summary>
        /// Appends text with HTML whitespace collapsed. Word wraps the lines of its HTML, also between two
        /// Chinese characters, so a line break between CJK characters is dropped rather than made a space.
        /// </summary>
        private void AppendCollapsed(string data)
        {
            var i = 0;
            while (i < data.Length)
            {
                var c = data[i];
                if (c is ' ' or '\t' or '\r' or '\n' or '\f')
                {
                    var newline = false;
                    while (i < data.Length && data[i] is ' ' or '\t' or '\r' or '\n' or '\f')
                    {
                        newline |= data[i] is '\r' or '\n';
                        i++;
                    }

                    var before = _text.Length > 0 ? _text[^1] : ' ';
                    var after = i < data.Length ? data[i] : ' ';
                    if (!(newline && before > '\u2e80' && after > '\u2e80') && before is not (' ' or '\n'))
                    {
                        _text.Append(' ');
                    }

                    continue;
                }

                _text.Append(c == '\u00a0' ? ' ' : c);
                i++;
            }

            budget.Check(_text.Length);
        }

        private void Flush()
        {
            var text = _text.ToString().Trim();
            _text.Clear();
            if (text.Length == 0)
            {
                return;
            }

            budget.Add(text.Length);
            Result.Add(new TextBlock(text, HeadingLevel: _heading, InTable: _cells > 0));
        }
    }
}
