using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SelfReview.Fixtures;

/// <summary>
/// The material the corpus generator recombines, taken from the hand-written corpus statements
/// (tests/corpus/001–040, embedded): titles, preambles, closings, part headings, aspect frameworks,
/// and the problems, causes and measures cut out at the positions their gold files give.
/// </summary>
public sealed partial class CorpusPool
{
    private static readonly Lazy<CorpusPool> Shared = new(() => new CorpusPool());

    private CorpusPool()
    {
        var assembly = typeof(CorpusPool).Assembly;
        var numbers = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("corpus/", StringComparison.Ordinal) && n.EndsWith(".gold.json", StringComparison.Ordinal))
            .Select(n => n["corpus/".Length..^".gold.json".Length])
            .Order(StringComparer.Ordinal);
        foreach (var number in numbers)
        {
            using var gold = JsonDocument.Parse(Read(assembly, $"corpus/{number}.gold.json"));
            if (!gold.RootElement.GetProperty("is_statement").GetBoolean())
            {
                continue;
            }

            Take(Read(assembly, $"corpus/{number}.txt").ReplaceLineEndings("\n"), gold.RootElement);
        }
    }

    /// <summary>The pool from the embedded corpus (cut once).</summary>
    public static CorpusPool Default => Shared.Value;

    public List<string> Titles { get; } = [];

    public List<string> Preambles { get; } = [];

    public List<string> Closings { get; } = [];

    public List<string> ProblemHeadings { get; } = [];

    public List<string> CauseHeadings { get; } = [];

    public List<string> MeasureHeadings { get; } = [];

    /// <summary>The aspect headings of each corpus statement's problems, in order (a year's framework).</summary>
    public List<IReadOnlyList<string>> Frameworks { get; } = [];

    /// <summary>Problems by gold category.</summary>
    public Dictionary<string, List<PoolItem>> Problems { get; } = [];

    public List<PoolItem> Causes { get; } = [];

    public List<PoolItem> Measures { get; } = [];

    private void Take(string text, JsonElement gold)
    {
        var anchors = new List<(int Position, string Kind, string? Category)>();
        foreach (var kind in new[] { "problems", "causes", "measures" })
        {
            var cursor = 0;
            foreach (var item in gold.GetProperty(kind).EnumerateArray())
            {
                var first = item.GetProperty("first_chars").GetString()!;
                var at = text.IndexOf(first, cursor, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                cursor = at + 1;
                var category = item.TryGetProperty("category", out var c) ? c.GetString() : null;
                anchors.Add((at, kind, category));
            }
        }

        if (anchors.Count == 0)
        {
            return;
        }

        anchors.Sort((a, b) => a.Position.CompareTo(b.Position));
        for (var i = 0; i < anchors.Count; i++)
        {
            var (position, kind, category) = anchors[i];
            var end = i + 1 < anchors.Count ? anchors[i + 1].Position : text.Length;
            if (Cut(text[position..end]) is not { } item)
            {
                continue;
            }

            switch (kind)
            {
                case "problems":
                    (Problems.TryGetValue(category ?? "other", out var list) ? list : Problems[category ?? "other"] = []).Add(item);
                    break;
                case "causes":
                    Causes.Add(item);
                    break;
                default:
                    Measures.Add(item);
                    break;
            }
        }

        var lines = text.Split('\n');
        var title = lines[0].Trim();
        if (title.Contains("生活会", StringComparison.Ordinal) && (title.EndsWith("材料", StringComparison.Ordinal) || title.EndsWith("提纲", StringComparison.Ordinal))
            && !title.Contains("班子", StringComparison.Ordinal) && !title.Any(IsTraditional))
        {
            Titles.Add(title);
        }

        var firstAnchor = anchors[0].Position;
        foreach (var line in text[..firstAnchor].Split('\n').Skip(1).Select(l => l.Trim()))
        {
            if (line.Length >= 80 && !line.Contains('>') && !line.Any(IsTraditional) && !PartHeading().IsMatch(line))
            {
                Preambles.Add(line);
                break;
            }
        }

        foreach (var line in lines.Select(l => l.Trim()).Reverse().Take(3))
        {
            if (line.Length is > 6 and < 120 && line.Contains("批评", StringComparison.Ordinal) && !line.Any(IsTraditional))
            {
                Closings.Add(line);
                break;
            }
        }

        foreach (var m in lines.Select(l => PartHeading().Match(l.Trim())).Where(m => m.Success))
        {
            var heading = m.Groups["h"].Value;
            if (heading.Any(IsTraditional))
            {
                continue;
            }

            // Headings of the previous year's rectification are a part of their own, not this year's measures.
            if (heading.Contains("上年", StringComparison.Ordinal) || heading.Contains("上一年", StringComparison.Ordinal) || heading.Contains("落实情况", StringComparison.Ordinal))
            {
                continue;
            }

            var target = heading switch
            {
                _ when heading.Contains("原因", StringComparison.Ordinal) || heading.Contains("根源", StringComparison.Ordinal) => CauseHeadings,
                _ when heading.Contains("措施", StringComparison.Ordinal) || heading.Contains("方向", StringComparison.Ordinal) => MeasureHeadings,
                _ when heading.Contains("问题", StringComparison.Ordinal) && !heading.Contains("整改", StringComparison.Ordinal) => ProblemHeadings,
                _ => null,
            };
            if (target is not null && !target.Contains(heading))
            {
                target.Add(heading);
            }
        }

        var aspects = gold.GetProperty("problems").EnumerateArray()
            .Select(p => p.TryGetProperty("aspect", out var a) ? a.GetString() : null)
            .OfType<string>()
            .Where(a => a.Length is > 2 and <= 40 && !a.Any(IsTraditional))
            .Distinct()
            .ToList();
        if (aspects.Count >= 2)
        {
            Frameworks.Add(aspects);
        }
    }

    /// <summary>An item cut from its anchor to the next one: label removed, ends at a part heading or blank line.</summary>
    private static PoolItem? Cut(string span)
    {
        var firstBreak = span.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak >= 0 && ItemEnd().Match(span, firstBreak) is { Success: true } end)
        {
            span = span[..end.Index];
        }

        var body = Label().Replace(span.Trim(), string.Empty, 1).Trim();
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines.Any(l => l.Any(IsTraditional)))
        {
            return null;
        }

        // An aspect heading standing as the item ("廉洁自律方面" and its paragraph): the paragraph carries the text.
        if (lines.Length > 1 && lines[0].Length <= 24 && lines[0].EndsWith("方面", StringComparison.Ordinal))
        {
            lines = lines[1..];
        }

        var sentences = Sentences(string.Concat(lines))
            .Where(s => !s.Contains("批评指正", StringComparison.Ordinal) && !s.Contains("一是", StringComparison.Ordinal) && !s.Contains("二是", StringComparison.Ordinal))
            .ToList();
        if (sentences.Count == 0)
        {
            return null;
        }

        sentences = [.. sentences.Distinct()];
        var lead = sentences[0].TrimEnd('。', '；', '！', '？');
        if (lead.EndsWith("方面", StringComparison.Ordinal))
        {
            // An aspect written as one paragraph with its text: a title that reads as an aspect would make the item one.
            return null;
        }

        if (lead.Length <= 30)
        {
            return new PoolItem(lead, sentences[1..]);
        }

        // A long first sentence: its first clause is the title, the rest of it stays a sentence of the body.
        var comma = lead.IndexOf('，', StringComparison.Ordinal);
        return comma is >= 4 and <= 30 ? new PoolItem(lead[..comma], [sentences[0][(comma + 1)..], .. sentences[1..]]) : null;
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '！' or '？' && (i + 1 >= text.Length || text[i + 1] is not '”' and not '’'))
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 1)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        var rest = text[start..].Trim();
        if (rest.Length > 6)
        {
            yield return rest.EndsWith('。') ? rest : rest + "。";
        }
    }

    /// <summary>A few characters that only traditional text uses: such material stays out of the generator's simplified statements.</summary>
    private static bool IsTraditional(char c) => "會黨學習檢視對題專記們說為時實現與發這個關".Contains(c);

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,2}、(?<h>[^。，]{2,16})$")]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"\n\s*\n|\n(?=\s*([一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[\.．、]|第[一二三四五六七八九十]+部分))")]
    private static partial Regex ItemEnd();

    [GeneratedRegex(@"^([（(]?[一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}、|\d{1,2}\s?[\.．、]|第[一二三四五六七八九十]{1,3}[，,、]|首先|其次|再次|最后|[①-⑳])[，,、：:．.]?")]
    private static partial Regex Label();
}
