using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SelfReview.Fixtures;

/// <summary>
/// Writes any number of realistic statements for benchmarks and scale tests, recombined
/// deterministically from the corpus's own sentences (<see cref="CorpusPool"/>): titles, preambles,
/// aspect frameworks, part headings and closings of the corpus; problems whose titles join the
/// subject of one corpus problem to the shortfall of another of the same category, with body
/// sentences of that category; causes and measures (with their deadlines) as written. Statements
/// come in units of 6–40 members that share the unit's title and framework, and every member
/// repeats one to three of the unit's shared problems in the same or nearly the same words, so
/// consolidation has real common problems to find. Enumeration styles, Word numbering, tracked
/// changes, table layouts and lengths vary from member to member.
/// </summary>
/// <param name="seed">The same seed gives the same statements, and statement i does not depend on how many are made.</param>
/// <param name="pool">The material; the embedded corpus by default.</param>
public sealed partial class CorpusGenerator(int seed = 1, CorpusPool? pool = null)
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤";
    private const string GivenNames = "建国华明军伟芳丽强磊洋勇艳杰娟涛超秀霞平刚桂英文辉力新立红春海波志宏东林亮峰云鹏飞晓燕宇斌玲静敏岩卫松";

    /// <summary>Near-same wording: what members change when they take a shared problem into their own statement.</summary>
    private static readonly (string From, string To)[] Rewordings =
    [
        ("不够", "不足"), ("有待", "还需"), ("不强", "不够强"), ("还有差距", "仍有差距"), ("有所", "有些"), ("不到位", "不够到位"), ("不深", "不够深"),
    ];

    private static readonly string[] ProblemStyles = ["aspects-run-on", "aspects-shi", "aspects-num", "num-aspects-paren", "paren-items", "num-items"];
    private static readonly string[] ListStyles = ["shi", "paren", "num", "run-on"];

    private static readonly string[] Shortfalls =
    [
        "不够", "不足", "不强", "不深", "不高", "不到位", "不严", "不实", "有待", "还不", "欠缺", "缺乏", "弱化", "淡化", "有所", "不多", "偏少", "偏弱", "有差距",
    ];

    private readonly CorpusPool _pool = pool ?? CorpusPool.Default;

    public IEnumerable<GeneratedStatement> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var made = 0;
        for (var unit = 0; made < count; unit++)
        {
            var plan = PlanUnit(unit);
            for (var member = 0; member < plan.Size && made < count; member++, made++)
            {
                yield return Member(plan, unit, member);
            }
        }
    }

    /// <summary>Writes <paramref name="count"/> statements as .docx into <paramref name="folder"/>; returns the paths.</summary>
    public IReadOnlyList<string> WriteDocx(int count, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>(count);
        foreach (var statement in Generate(count))
        {
            var path = Path.Combine(folder, statement.FileName);
            File.WriteAllBytes(path, statement.ToDocx());
            paths.Add(path);
        }

        return paths;
    }

    private sealed record UnitPlan(int Size, string Title, IReadOnlyList<string> Framework, string ProblemHeading, string CauseHeading, string MeasureHeading, IReadOnlyList<Problem> Shared);

    private sealed record Problem(string Category, string Title, IReadOnlyList<string> Sentences)
    {
        public string Text => Title + "。" + string.Concat(Sentences);
    }

    private UnitPlan PlanUnit(int unit)
    {
        var rng = new Random(Mix(unit, -1));
        var size = rng.Next(6, 41);
        var shared = Enumerable.Range(0, rng.Next(3, 7)).Select(_ => NewProblem(rng)).ToList();
        return new UnitPlan(
            size,
            Pick(rng, _pool.Titles),
            Pick(rng, _pool.Frameworks),
            Pick(rng, _pool.ProblemHeadings),
            Pick(rng, _pool.CauseHeadings),
            Pick(rng, _pool.MeasureHeadings),
            shared);
    }

    private GeneratedStatement Member(UnitPlan plan, int unit, int member)
    {
        var rng = new Random(Mix(unit, member));
        var name = Name(rng);
        var lines = new List<string> { MemberTitle().Replace(plan.Title, name + "同志", 1) };
        var withAuthor = rng.NextDouble() < 0.6;
        if (withAuthor)
        {
            lines.Add("发言人：" + name);
        }

        lines.Add(Pick(rng, _pool.Preambles));

        // Problems: the member's own, with one to three of the unit's shared problems in place of some.
        var style = Pick(rng, ProblemStyles);
        var aspects = style.StartsWith("aspects", StringComparison.Ordinal) || style == "num-aspects-paren"
            ? plan.Framework.Take(rng.Next(2, 7)).ToList()
            : [];
        var groups = aspects.Count > 0
            ? aspects.Select(_ => Enumerable.Range(0, rng.Next(1, 5)).Select(_ => NewProblem(rng)).ToList()).ToList()
            : [Enumerable.Range(0, rng.Next(5, 15)).Select(_ => NewProblem(rng)).ToList()];
        var sharedTitles = new List<string>();
        foreach (var shared in plan.Shared.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)))
        {
            var group = groups[rng.Next(groups.Count)];
            var copy = Reword(rng, shared);
            group[rng.Next(group.Count)] = copy;
            sharedTitles.Add(copy.Title);
        }

        lines.Add("一、" + plan.ProblemHeading);
        WriteProblems(lines, style, aspects, groups);

        var causes = Enumerable.Range(0, rng.Next(3, 8)).Select(_ => OwnItem(rng, _pool.Causes)).ToList();
        lines.Add("二、" + plan.CauseHeading);
        WriteList(lines, Pick(rng, ListStyles), causes);

        var measures = Enumerable.Range(0, rng.Next(4, 10)).Select(_ => OwnItem(rng, _pool.Measures)).ToList();
        lines.Add("三、" + plan.MeasureHeading);
        WriteList(lines, Pick(rng, ListStyles), measures);

        lines.Add(Pick(rng, _pool.Closings));
        var options = new StatementDocxBuilder.Options(
            AutoNumbering: rng.NextDouble() < 0.7,
            TrackedChanges: rng.NextDouble() < 0.15,
            InTable: rng.NextDouble() < 0.08);
        return new GeneratedStatement(
            string.Create(CultureInfo.InvariantCulture, $"u{unit + 1:D4}-{member + 1:D3}.docx"),
            unit,
            member,
            withAuthor ? name : null,
            lines,
            options,
            groups.Sum(g => g.Count),
            causes.Count,
            measures.Count,
            sharedTitles);
    }

    private static void WriteProblems(List<string> lines, string style, List<string> aspects, List<List<Problem>> groups)
    {
        if (aspects.Count == 0)
        {
            WriteList(lines, style == "paren-items" ? "paren" : "num", groups[0].Select(p => p.Text).ToList());
            return;
        }

        for (var a = 0; a < aspects.Count; a++)
        {
            var texts = groups[a].Select(p => p.Text).ToList();
            switch (style)
            {
                case "num-aspects-paren":
                    lines.Add((a + 1).ToString(CultureInfo.InvariantCulture) + "." + aspects[a]);
                    lines.AddRange(texts.Select((t, i) => "（" + (i + 1).ToString(CultureInfo.InvariantCulture) + "）" + t));
                    break;
                default:
                    lines.Add("（" + Chinese(a + 1) + "）" + aspects[a]);
                    WriteList(lines, style switch { "aspects-run-on" => "run-on", "aspects-num" => "num", _ => "shi" }, texts);
                    break;
            }
        }
    }

    private static void WriteList(List<string> lines, string style, IReadOnlyList<string> texts)
    {
        switch (style)
        {
            case "run-on":
                lines.Add(string.Concat(texts.Select((t, i) => Chinese(i + 1) + "是" + t)));
                break;
            case "paren":
                lines.AddRange(texts.Select((t, i) => "（" + Chinese(i + 1) + "）" + t));
                break;
            case "num":
                lines.AddRange(texts.Select((t, i) => (i + 1).ToString(CultureInfo.InvariantCulture) + "." + t));
                break;
            default:
                lines.AddRange(texts.Select((t, i) => Chinese(i + 1) + "是" + t));
                break;
        }
    }

    /// <summary>A problem of a category: one corpus problem's subject with another's shortfall, and sentences of that category.</summary>
    private Problem NewProblem(Random rng)
    {
        var categories = _pool.Problems.Keys.Order(StringComparer.Ordinal).ToList();
        var weights = categories.Select(c => _pool.Problems[c].Count).ToList();
        var pick = rng.Next(weights.Sum());
        var category = categories[0];
        for (var i = 0; i < categories.Count; pick -= weights[i], i++)
        {
            if (pick < weights[i])
            {
                category = categories[i];
                break;
            }
        }

        var items = _pool.Problems[category];
        var source = Pick(rng, items);
        var title = source.Title;
        if (rng.NextDouble() < 0.6 && Split(title) is { } own && Split(Pick(rng, items).Title) is { } other)
        {
            title = own.Subject + other.Shortfall;
        }

        var sentences = source.Sentences.Take(rng.Next(1, 5)).Select(s => Renumber(rng, s)).ToList();
        for (var n = rng.Next(0, 5); n > 0; n--)
        {
            if (Pick(rng, items).Sentences is { Count: > 0 } more && Usable(more[rng.Next(more.Count)]) is { } sentence)
            {
                sentences.Add(Renumber(rng, sentence));
            }
        }

        return new Problem(category, title, [.. sentences.Where(s => Usable(s) is not null).Distinct()]);
    }

    /// <summary>A cause or measure as its corpus author wrote it, with one to four of its sentences (deadlines included).</summary>
    private static string OwnItem(Random rng, List<PoolItem> items)
    {
        var item = Pick(rng, items);
        return item.Title + "。" + string.Concat(item.Sentences.Where(s => Usable(s) is not null).Take(rng.Next(1, 5)));
    }

    /// <summary>A member's copy of a shared problem: the same words, or a shortfall reworded, a sentence dropped or swapped.</summary>
    private Problem Reword(Random rng, Problem shared)
    {
        var sentences = shared.Sentences.ToList();
        var title = shared.Title;
        switch (rng.Next(4))
        {
            case 0:
                break;
            case 1 when sentences.Count > 1:
                sentences[^1] = Pick(rng, _pool.Problems[shared.Category]).Sentences is { Count: > 0 } other && Usable(other[0]) is { } s ? s : sentences[^1];
                break;
            default:
                foreach (var (from, to) in Rewordings)
                {
                    if (title.Contains(from, StringComparison.Ordinal))
                    {
                        title = title.Replace(from, to, StringComparison.Ordinal);
                        break;
                    }
                }

                if (sentences.Count > 2)
                {
                    sentences.RemoveAt(rng.Next(1, sentences.Count));
                }

                break;
        }

        return shared with { Title = title, Sentences = sentences };
    }

    private static (string Subject, string Shortfall)? Split(string title)
    {
        var at = Shortfalls.Select(s => title.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 2).DefaultIfEmpty(-1).Min();
        return at >= 2 && at < title.Length - 1 && title.Length <= 24 ? (title[..at], title[at..]) : null;
    }

    /// <summary>Sentences that would read as enumerators inside a paragraph (…。二是…) are left out: they would change the item count.</summary>
    private static string? Usable(string sentence) => EnumeratorInside().IsMatch(sentence) ? null : sentence;

    /// <summary>Small counts change from member to member (3 次 → 5 次); years, months and days stay.</summary>
    private static string Renumber(Random rng, string sentence) =>
        rng.NextDouble() < 0.5 ? SmallNumber().Replace(sentence, _ => rng.Next(2, 30).ToString(CultureInfo.InvariantCulture)) : sentence;

    private static string Name(Random rng) =>
        Surnames[rng.Next(Surnames.Length)] + new string([.. Enumerable.Range(0, rng.Next(1, 3)).Select(_ => GivenNames[rng.Next(GivenNames.Length)])]);

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>The seed of one member's (or, with member -1, one unit's) random numbers: fixed arithmetic, not HashCode, so it is the same in every process.</summary>
    private int Mix(int unit, int member) => (int)((((long)seed * 1_000_003 + unit) * 10_007 + member + 1) & int.MaxValue);

    private static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        var sb = new StringBuilder();
        if (n >= 20)
        {
            sb.Append(digits[n / 10]);
        }

        if (n >= 10)
        {
            sb.Append('十');
        }

        if (n % 10 != 0 || n < 10)
        {
            sb.Append(digits[n % 10]);
        }

        return sb.ToString();
    }

    [GeneratedRegex("^(某某|×××|××|[\u4e00-\u9fff]{2,3})同志")]
    private static partial Regex MemberTitle();

    [GeneratedRegex("[一二三四五六七八九十]是|^(第[一二三四五六七八九十]+[，,、]|首先|其次|再次|最后|[（(]?[一二三四五六七八九十\\d]{1,2}[）)、．.])")]
    private static partial Regex EnumeratorInside();

    [GeneratedRegex(@"(?<![\d.])\d{1,2}(?![\d.年月日号%％])")]
    private static partial Regex SmallNumber();
}
