using System.Globalization;
using System.Text;
using SelfReview.Contracts;
using SelfReview.Pipeline.Classification;
using SelfReview.Pipeline.Tracking;
using SelfReview.Pipeline.Roster;
using SelfReview.Pipeline.Vocabulary;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Recomputes a unit from all its records: the summary reported upward, the consolidated
/// rectification list (common problems once, with every owner; a deadline on every row) and the
/// unit's material-review flags. Deterministic: the same records give the same output, byte for byte.
/// </summary>
public sealed class UnitConsolidator(ConsolidationOptions options, TimeProvider time, DomainVocabulary vocabulary, DeadlineExtractor deadlines)
{
    /// <summary>A sentence in up to this many statements is reported per pair of members; in more, as a template.</summary>
    private const int PairwiseCopyLimit = 4;

    public UnitReport Consolidate(string unitId, IEnumerable<StatementRecord> records) => Consolidate(unitId, records, UnitTracking.None);

    /// <summary>
    /// As <see cref="Consolidate(string, IEnumerable{StatementRecord})"/>, with what people added: owners and
    /// 职务 from the roster (<see cref="OwnerResolver"/>), 牵头领导 by 分管领域, and 回头看 against last year's list.
    /// </summary>
    public UnitReport Consolidate(string unitId, IEnumerable<StatementRecord> records, UnitTracking tracking)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        var resolver = new OwnerResolver(tracking.Roster);
        // Order by file name, then id: the list must not depend on the order uploads arrived in.
        var all = records.OrderBy(r => r.Source.FileName, StringComparer.Ordinal).ThenBy(r => r.StatementId, StringComparer.Ordinal).ToList();
        // A statement sent twice (another format, a scan of it) or in several versions counts once: the latest is kept.
        var received = all.Where(r => r.Status == RecordStatus.Accepted).ToList();
        var duplicates = DuplicateFinder.Find(received, NamedAuthor);
        var superseded = duplicates.ToDictionary(d => received[d.Key].StatementId, d => received[d.Value], StringComparer.Ordinal);
        var accepted = received.Where((_, i) => !duplicates.ContainsKey(i)).ToList();
        var problems = new List<ProblemRef>();
        for (var s = 0; s < accepted.Count; s++)
        {
            var owner = resolver.Resolve(accepted[s]);
            problems.AddRange(accepted[s].Sections.Where(x => x.Kind == SectionKind.Problems).SelectMany(x => x.Items).Select(i => new ProblemRef(s, accepted[s], i, owner.Name, owner)));
        }

        var owners = accepted.ToDictionary(r => r.StatementId, resolver.Resolve, StringComparer.Ordinal);

        var clusters = new CommonProblemFinder(options.CommonProblemThreshold, TopicOf).Find(problems);
        var defaultDeadline = DefaultDeadline(accepted);
        var rows = BuildRows(problems, clusters, defaultDeadline, owners);
        rows = ApplyTracking(rows, problems, tracking);
        var common = clusters.Select((c, n) => new CommonProblem
        {
            Id = "g" + (n + 1).ToString(CultureInfo.InvariantCulture),
            Category = Majority(c.Select(i => problems[i])),
            CategoryLabel = CategoryLabels.Of(Majority(c.Select(i => problems[i]))),
            Title = DisplayTitle(c.Select(i => problems[i].Item)),
            Owners = OwnerNames(c.Select(i => problems[i])),
            Items = [.. c.Select(i => problems[i].Ref)],
        }).ToList();

        var unitName = options.UnitName ?? unitId;
        var list = new RectificationList
        {
            UnitId = unitId,
            Title = unitName + MeetingName(accepted) + "查摆问题整改清单",
            UnitName = unitName,
            MeetingDate = options.MeetingDate,
            Rows = rows,
        };
        var summary = Summarize(unitId, unitName, all, accepted, superseded, problems, common);
        summary = summary with
        {
            Quality = [.. summary.Quality, .. OwnerFlags(owners.Values, accepted, resolver.HasRoster)],
            // The rows' titles let a rollup above the unit compare units from their summaries alone.
            ProblemTitles = [.. rows.Select(r => new ProblemTitle { Title = r.ProblemTitle ?? r.Problem, Category = r.Category, Members = r.Problems.Select(p => p.StatementId).Distinct(StringComparer.Ordinal).Count() })],
        };
        return new UnitReport(summary, list);
    }

    private List<RectificationRow> BuildRows(List<ProblemRef> problems, List<List<int>> clusters, (string Text, DateOnly? Date) defaultDeadline, Dictionary<string, RowOwner> owners)
    {
        var inCluster = clusters.SelectMany(c => c).ToHashSet();
        var groups = clusters.Select(c => (Common: true, Members: c))
            .Concat(Enumerable.Range(0, problems.Count).Where(i => !inCluster.Contains(i)).Select(i => (Common: false, Members: new List<int> { i })))
            .OrderBy(g => g.Common ? 0 : 1)
            .ThenBy(g => g.Members[0]);

        var rows = new List<RectificationRow>();
        foreach (var (isCommon, members) in groups)
        {
            var refs = members.Select(i => problems[i]).ToList();
            var measures = refs.SelectMany(p => LinkedMeasures(p)).DistinctBy(m => (m.Record.StatementId, m.Item.Id)).ToList();
            var deadline = Deadline(measures.Select(m => Dated(m.Record, m.Item.Deadline)).OfType<Deadline>().ToList(), defaultDeadline);
            var category = Majority(refs);
            rows.Add(new RectificationRow
            {
                RowId = RowIdentity.Of(refs.Select(p => p.Ref)),
                Number = rows.Count + 1,
                Category = category,
                CategoryLabel = CategoryLabels.Of(category),
                Problem = isCommon ? DisplayTitle(refs.Select(r => r.Item)) + "（共性问题）" : ProblemText(refs[0].Item),
                ProblemTitle = isCommon ? DisplayTitle(refs.Select(r => r.Item)) : ItemTitles.Of(refs[0].Item),
                Source = SourceOf(refs),
                Measures = measures.Count == 0
                    ? "（未提出对应措施，请补充）"
                    : isCommon
                        ? string.Join("\n", measures.GroupBy(m => m.Record.StatementId).Select(g => MemberMeasureLine(owners.TryGetValue(g.Key, out var o) ? o.Name : OwnerOf(g.First().Record), [.. g.Select(m => m.Item)])))
                        : string.Join("\n", measures.Select(m => MeasureText(m.Item)).Distinct()),
                Owners = OwnerNames(refs),
                Deadline = deadline.Text,
                DueDate = deadline.Date,
                DeadlineFromMeasure = deadline.FromMeasure,
                Status = "未完成",
                Common = isCommon,
                Problems = [.. refs.Select(p => p.Ref)],
                MeasureItems = [.. measures.Select(m => new ItemRef(m.Record.StatementId, m.Item.Id))],
                OwnerDetails = [.. refs.Select(p => p.OwnerDetail).OfType<RowOwner>().DistinctBy(o => o.StatementId)],
            });
        }

        return rows;
    }

    /// <summary>
    /// A deadline that names a time relative to the meeting year (年底前, 年内) but had no year in its
    /// statement gets the unit's meeting year, so the row has a date to track.
    /// </summary>
    private Deadline? Dated(StatementRecord record, Deadline? deadline)
    {
        if (deadline is not { Kind: DeadlineKind.Date, DueDate: null } || record.MeetingYear is not null)
        {
            return deadline;
        }

        var year = options.MeetingDate?.Year;
        return year is null ? deadline : deadlines.Extract(deadline.Text, year) is { DueDate: not null } dated ? dated with { Text = deadline.Text } : deadline;
    }

    private static IEnumerable<(StatementRecord Record, StatementItem Item)> LinkedMeasures(ProblemRef problem)
    {
        var measures = problem.Record.Sections.Where(s => s.Kind == SectionKind.Measures).SelectMany(s => s.Items).ToDictionary(m => m.Id);
        foreach (var id in problem.Item.Links ?? [])
        {
            if (measures.TryGetValue(id, out var measure))
            {
                yield return (problem.Record, measure);
            }
        }
    }

    /// <summary>The row's deadline: the earliest dated one of its measures, else immediate, ongoing or recurring as written, else the unit default.</summary>
    private static (string Text, DateOnly? Date, bool FromMeasure) Deadline(List<Deadline> deadlines, (string Text, DateOnly? Date) fallback)
    {
        var dated = deadlines.Where(d => d.DueDate is not null).OrderBy(d => d.DueDate).FirstOrDefault();
        if (dated is not null)
        {
            return (dated.Text, dated.DueDate, true);
        }

        var other = deadlines.OrderBy(d => d.Kind switch { DeadlineKind.Immediate => 0, DeadlineKind.Date => 1, DeadlineKind.Recurring => 2, _ => 3 }).FirstOrDefault();
        return other is not null ? (other.Text, null, true) : (fallback.Text, fallback.Date, false);
    }

    private (string Text, DateOnly? Date) DefaultDeadline(List<StatementRecord> accepted)
    {
        DateOnly date;
        if (options.MeetingDate is { } meeting)
        {
            date = meeting.AddMonths(options.DefaultDeadlineMonths);
        }
        else
        {
            var year = accepted.Select(r => r.MeetingYear).OfType<int>().DefaultIfEmpty(time.GetLocalNow().Year).Max();
            date = new DateOnly(year, 12, 31);
        }

        return (date.ToString("yyyy年M月d日前", CultureInfo.InvariantCulture), date);
    }

    /// <summary>
    /// The specific topic a problem's title names: the strongest lexicon term of its category found in
    /// the title, when it is specific enough (a weighty or long term, not 落实 or 作风).
    /// </summary>
    private string? TopicOf(ProblemRef problem)
    {
        if (problem.Item.Category is not { Code: not CategoryCode.Other } category)
        {
            return null;
        }

        // An aspect-only item's title is its aspect heading (廉洁自律方面): its topic is in its first sentence.
        var item = problem.Item;
        var named = item.Title == item.Aspect ? item.Text.Split('。', '；')[0] : item.Title;
        var title = vocabulary.ToSimplified(named);
        if (TopicTable.Default.Of(title) is { } shared)
        {
            return shared;
        }

        foreach (var term in _topicTerms.GetValueOrDefault(category.Code) ?? [])
        {
            if (title.Contains(term, StringComparison.Ordinal))
            {
                return term;
            }
        }

        return null;
    }

    private const double TopicMinWeight = 3.5;

    /// <summary>
    /// Per category, the terms specific enough to be a topic, in the order <see cref="TopicOf"/> prefers
    /// them (longest, then weightiest, then ordinal): sorted once, not once per problem.
    /// </summary>
    private readonly Dictionary<CategoryCode, string[]> _topicTerms = vocabulary.CategoryTerms
        .GroupBy(c => c.Code)
        .ToDictionary(g => g.Key, g => g.First().Terms
            .Where(t => t.Weight >= TopicMinWeight || t.Term.Length >= 4)
            .OrderByDescending(t => t.Term.Length)
            .ThenByDescending(t => t.Weight)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Select(t => t.Term)
            .ToArray());

    /// <summary>问题来源: what the problem's text says it came from (群众意见, 相互批评, 上级点评), else 自己查摆.</summary>
    private string SourceOf(List<ProblemRef> refs)
    {
        var text = vocabulary.ToSimplified(string.Concat(refs.Select(r => r.Item.Text)));
        foreach (var (source, words) in vocabulary.ProblemSources)
        {
            if (words.Any(w => text.Contains(w, StringComparison.Ordinal)))
            {
                return source;
            }
        }

        return "自己查摆";
    }

    private static CategoryCode Majority(IEnumerable<ProblemRef> refs) =>
        refs.GroupBy(p => p.Item.Category?.Code ?? CategoryCode.Other).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    /// <summary>The author's name when the statement names a real person (not a team, not a placeholder): versions of one member share it.</summary>
    private static string? NamedAuthor(StatementRecord record) =>
        record.StatementKind != StatementKind.Team && record.Author?.Name is { Length: > 1 } name && !IsPlaceholderName(name) ? name : null;

    /// <summary>
    /// Flags that need the meeting: a statement of another year or theme than the meeting (an old text
    /// reused), and measures due before the meeting was held.
    /// </summary>
    private IEnumerable<QualityFlag> MeetingFlags(StatementRecord record)
    {
        if (options.MeetingDate is not { } meeting)
        {
            yield break;
        }

        // An annual meeting (2024年度) is held late that year or early the next one.
        var reasons = new List<string>();
        if (record.MeetingYear is { } year && (year < meeting.Year - 1 || year > meeting.Year))
        {
            reasons.Add("材料写的是 " + year.ToString(CultureInfo.InvariantCulture) + " 年的会议");
        }

        if (record.Framework is { } framework && int.TryParse(framework.Id.AsSpan(0, Math.Min(4, framework.Id.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var frameworkYear) && frameworkYear < meeting.Year - 2)
        {
            reasons.Add("查摆问题按“" + framework.Name + "”的方面组织");
        }

        if (reasons.Count > 0)
        {
            yield return new QualityFlag
            {
                Code = "other_meeting",
                Message = string.Join("，", reasons) + "，与本次会议（" + meeting.ToString("yyyy年M月", CultureInfo.InvariantCulture) + "）不符，疑似沿用旧材料，请按本次会议要求重写。",
                Evidence = [record.Title ?? record.Source.FileName],
            };
        }

        var early = record.Sections.Where(s => s.Kind == SectionKind.Measures).SelectMany(s => s.Items)
            .Select(m => (Measure: m, Deadline: Dated(record, m.Deadline)))
            .Where(m => m.Deadline?.DueDate is { } due && due < meeting)
            .ToList();
        if (early.Count > 0)
        {
            yield return new QualityFlag
            {
                Code = "deadline_before_meeting",
                Message = $"有 {early.Count} 条整改措施的完成时限早于会议日期（{meeting.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}），请按会后整改的实际安排改定时限。",
                ItemIds = [.. early.Select(m => m.Measure.Id)],
                Evidence = [.. early.Select(m => m.Measure.Title.TrimEnd('。') + "（" + m.Deadline!.Text + "）")],
            };
        }
    }

    /// <summary>
    /// 牵头领导 of the team's and the common rows (from the roster's 分管领域), and 回头看: each row's match on
    /// last year's uploaded list, else on the 上年度整改落实情况 sections of its own statements.
    /// </summary>
    private List<RectificationRow> ApplyTracking(List<RectificationRow> rows, List<ProblemRef> problems, UnitTracking tracking)
    {
        var leads = new LeadFinder(vocabulary, tracking.Roster);
        var lastYear = tracking.LastYear is { Rows.Count: > 0 } prior ? new PriorListingFinder(prior.Rows, options.RecurringProblemThreshold, "上年度整改清单") : null;
        var records = problems.Select(p => p.Record).DistinctBy(r => r.StatementId).ToDictionary(r => r.StatementId, StringComparer.Ordinal);
        var own = new Dictionary<string, PriorListingFinder?>(StringComparer.Ordinal);
        PriorListingFinder? OwnPrior(string statementId)
        {
            if (!own.TryGetValue(statementId, out var finder))
            {
                var items = records[statementId].Sections.Where(s => s.Kind == SectionKind.PriorRectification).SelectMany(s => s.Items)
                    .Select(i => new PriorRow { Number = 0, Problem = ProblemText(i) }).ToList();
                own[statementId] = finder = items.Count == 0 ? null : new PriorListingFinder(items, options.RecurringProblemThreshold, "上年度整改落实情况");
            }

            return finder;
        }

        return [.. rows.Select(row =>
        {
            var title = row.ProblemTitle ?? row.Problem;
            var listing = lastYear?.Find(title, row.Problem)
                ?? row.Problems.Select(p => p.StatementId).Distinct(StringComparer.Ordinal).Select(id => OwnPrior(id)?.Find(title, row.Problem)).OfType<PriorListing>().MaxBy(l => l.Similarity);
            var isTeam = row.OwnerDetails.Any(o => o.MatchedBy == OwnerMatch.Team);
            return row with { Lead = row.Common || isTeam ? leads.LeadOf(row.Category) : null, LastYear = listing };
        })];
    }

    /// <summary>
    /// 责任人 as printed: each person once, in order; the statements nobody is known for counted as one
    /// 【待确认】 entry (【待确认】3人), so a common problem still shows how many owners it lacks.
    /// </summary>
    private static List<string> OwnerNames(IEnumerable<ProblemRef> refs)
    {
        var owners = refs.Select(p => p.OwnerDetail).OfType<RowOwner>().DistinctBy(o => o.StatementId).ToList();
        var names = owners.Where(o => o.MatchedBy != OwnerMatch.Unconfirmed).Select(o => o.Name).Distinct(StringComparer.Ordinal).ToList();
        var unknown = owners.Count(o => o.MatchedBy == OwnerMatch.Unconfirmed);
        if (unknown > 0)
        {
            names.Add(unknown == 1 ? OwnerResolver.Unconfirmed : OwnerResolver.Unconfirmed + unknown.ToString(CultureInfo.InvariantCulture) + "人");
        }

        return names;
    }

    /// <summary>One unit-wide flag naming the statements whose owner the roster does not confirm: the list cannot be signed until it does.</summary>
    private static IEnumerable<UnitQualityFlag> OwnerFlags(IEnumerable<RowOwner> owners, List<StatementRecord> accepted, bool hasRoster)
    {
        var open = owners.Where(o => o.MatchedBy == OwnerMatch.Unconfirmed || (hasRoster && o.MatchedBy == OwnerMatch.Author)).ToList();
        if (open.Count == 0)
        {
            yield break;
        }

        var files = accepted.ToDictionary(r => r.StatementId, r => r.Source.FileName, StringComparer.Ordinal);
        yield return new UnitQualityFlag(null, null, new QualityFlag
        {
            Code = "owner_unconfirmed",
            Message = hasRoster
                ? $"有 {open.Count} 份材料的责任人未能与名册对应，清单中显示为“{OwnerResolver.Unconfirmed}”或材料署名，请在页面上为其指定名册中的人员。"
                : $"有 {open.Count} 份材料未写明作者，清单中责任人显示为“{OwnerResolver.Unconfirmed}”；请上传本单位名册（姓名、职务、分管领域、文件名）或在页面上指定责任人。",
            Evidence = [.. open.Select(o => files.GetValueOrDefault(o.StatementId) ?? o.StatementId).Take(20)],
        });
    }

    /// <summary>How review messages name a member: the author, or the file name when the statement names nobody (or only a placeholder such as ×××).</summary>
    private static string OwnerOf(StatementRecord record) => record.StatementKind == StatementKind.Team
        ? "领导班子"
        : record.Author?.Name is { } name && !IsPlaceholderName(name) ? name : Path.GetFileNameWithoutExtension(record.Source.FileName);

    private static bool IsPlaceholderName(string name) =>
        name.Contains("某某", StringComparison.Ordinal) || name.All(c => c is '×' or 'X' or 'x' or 'Ｘ' or '*' or '＊' or '○');

    /// <summary>
    /// The wording that names a group: of the members' titles, the one closest to all the others (what
    /// they share), short, never a positive clause (能够严格遵守…) and never cut mid-clause.
    /// </summary>
    private string DisplayTitle(IEnumerable<StatementItem> items)
    {
        var candidates = items.Select(i => vocabulary.ToSimplified(ItemTitles.Of(i))).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0)
        {
            return "（未写明问题）";
        }

        var shingles = candidates.Select(Shingles.Of).ToList();
        return candidates
            .Select((t, i) => (Title: t, Shared: shingles.Where((_, j) => j != i).Sum(o => shingles[i].Dice(o))))
            .OrderByDescending(c => c.Shared + (c.Title.Length <= 20 ? 0.2 : 0))
            .ThenBy(c => c.Title.Length)
            .ThenBy(c => c.Title, StringComparer.Ordinal)
            .First().Title;
    }

    /// <summary>A common row gives each member one line: owner, the titles of their measures, the earliest deadline.</summary>
    private static string MemberMeasureLine(string owner, List<StatementItem> measures)
    {
        var deadline = measures.Select(m => m.Deadline).OfType<Deadline>().OrderBy(d => d.DueDate ?? DateOnly.MaxValue).FirstOrDefault();
        return owner + "：" + string.Join("；", measures.Select(m => m.Title.TrimEnd('。', '；')).Distinct(StringComparer.Ordinal)) + (deadline is { } d ? "（" + d.Text + "）" : string.Empty);
    }

    /// <summary>The meeting the statements were written for, as the titles name it.</summary>
    private static string MeetingName(List<StatementRecord> accepted)
    {
        var organisational = accepted.Count(r => r.Title?.Contains("组织生活会", StringComparison.Ordinal) == true);
        var democratic = accepted.Count(r => r.Title?.Contains("民主生活会", StringComparison.Ordinal) == true);
        return organisational > democratic ? "组织生活会" : "民主生活会";
    }

    /// <summary>The problem in full: the XLSX and JSON keep every word; the printed Word list shortens it.</summary>
    private static string ProblemText(StatementItem item) => item.Text.Replace('\n', ' ');

    private static string MeasureText(StatementItem item) =>
        item.Text.StartsWith(item.Title, StringComparison.Ordinal) ? item.Text.Replace('\n', ' ') : item.Title + "：" + item.Text.Replace('\n', ' ');

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private UnitSummary Summarize(string unitId, string unitName, List<StatementRecord> all, List<StatementRecord> accepted, Dictionary<string, StatementRecord> superseded, List<ProblemRef> problems, List<CommonProblem> common)
    {
        var byCategory = Enum.GetValues<CategoryCode>().ToDictionary(CategoryLabels.CodeOf, c => problems.Count(p => (p.Item.Category?.Code ?? CategoryCode.Other) == c));
        var flags = new List<UnitQualityFlag>();
        foreach (var record in all)
        {
            flags.AddRange(record.Quality.Select(q => new UnitQualityFlag(record.StatementId, record.Source.FileName, q)));
        }

        foreach (var (id, kept) in superseded)
        {
            var record = all.First(r => r.StatementId == id);
            flags.Add(new UnitQualityFlag(record.StatementId, record.Source.FileName, new QualityFlag
            {
                Code = "superseded_statement",
                Severity = FlagSeverity.Info,
                Message = "本材料与“" + kept.Source.FileName + "”（" + OwnerOf(kept) + "）是同一份材料或其另一版本，不重复计入，以“" + kept.Source.FileName + "”为准。",
                Evidence = [kept.Source.FileName],
                ItemIds = [kept.StatementId],
            }));
        }

        foreach (var record in accepted)
        {
            flags.AddRange(MeetingFlags(record).Select(f => new UnitQualityFlag(record.StatementId, record.Source.FileName, f)));
        }

        // Copied text: one flag per pair of members, with the sentences they share (not one per sentence). A
        // sentence in more than a few statements is a template, not one member copying another: one flag per
        // set of statements that share such sentences, naming them all (per pair, a sentence in k statements
        // made k²/2 flags: 500,000 in a generated 1,000-member unit, 2.5 s and 750 MB).
        var copied = new CopiedTextDetector(options.CopiedSentenceMinLength).Find(accepted);
        foreach (var shared in copied.Where(c => c.Statements.Count > PairwiseCopyLimit)
                     .GroupBy(c => string.Join(",", c.Statements), StringComparer.Ordinal)
                     .OrderBy(g => g.First().Statements[0]).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var statements = shared.First().Statements;
            var sentences = shared.Select(c => c.Sentence).ToList();
            var names = statements.Take(10).Select(s => OwnerOf(accepted[s])).ToList();
            flags.Add(new UnitQualityFlag(null, null, new QualityFlag
            {
                Code = "copied_text",
                Message = "有 " + sentences.Count.ToString(CultureInfo.InvariantCulture) + " 处内容在 " + statements.Count.ToString(CultureInfo.InvariantCulture)
                    + " 份材料中一字不差（" + string.Join("、", names) + (statements.Count > names.Count ? "等" : string.Empty) + "），疑似套用模板。",
                Evidence = [.. sentences.Take(3).Select(x => Clip(x, 60))],
                ItemIds = [.. statements.Select(s => accepted[s].StatementId)],
            }));
        }

        var pairs = copied
            .Where(c => c.Statements.Count <= PairwiseCopyLimit)
            .SelectMany(c => c.Statements.SelectMany((a, i) => c.Statements.Skip(i + 1).Select(b => (Pair: (a, b), c.Sentence))))
            .GroupBy(x => x.Pair)
            .OrderBy(g => g.Key.a).ThenBy(g => g.Key.b);
        foreach (var pair in pairs)
        {
            var (a, b) = pair.Key;
            var sentences = pair.Select(x => x.Sentence).ToList();
            flags.Add(new UnitQualityFlag(null, null, new QualityFlag
            {
                Code = "copied_text",
                Message = OwnerOf(accepted[a]) + "与" + OwnerOf(accepted[b]) + "的材料有 " + sentences.Count.ToString(CultureInfo.InvariantCulture) + " 处内容一字不差，疑似相互照抄或套用模板。",
                Evidence = [.. sentences.Take(3).Select(x => Clip(x, 60))],
                ItemIds = [accepted[a].StatementId, accepted[b].StatementId],
            }));
        }

        foreach (var (title, statements) in CopiedTextDetector.IdenticalTitles(accepted))
        {
            flags.Add(new UnitQualityFlag(null, null, new QualityFlag
            {
                Code = "identical_items",
                Message = "以下条目在 " + statements.Count.ToString(CultureInfo.InvariantCulture) + " 份材料中写法完全相同（" + string.Join("、", statements.Select(s => OwnerOf(accepted[s]))) + "），千篇一律，请结合个人实际具体查摆。",
                Evidence = [title],
                ItemIds = [.. statements.Select(s => accepted[s].StatementId)],
            }));
        }

        var members = all.Select(r => new MemberSummary
        {
            StatementId = r.StatementId,
            FileName = r.Source.FileName,
            Status = r.Status,
            StatementKind = r.StatementKind,
            Author = r.Author?.Name,
            Position = r.Author?.Position,
            Problems = r.Summary?.Problems ?? 0,
            Causes = r.Summary?.Causes ?? 0,
            Measures = r.Summary?.Measures ?? 0,
            Reason = r.Rejection?.Message,
            SupersededBy = superseded.TryGetValue(r.StatementId, out var kept) ? kept.StatementId : null,
        }).ToList();

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{unitName}共收到检视材料 {all.Count} 份，其中有效 {accepted.Count} 份");
        if (superseded.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"，重复提交或旧版本 {superseded.Count} 份（不重复计数）");
        }

        var notAccepted = all.Count - accepted.Count - superseded.Count;
        if (notAccepted > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"，未通过 {notAccepted} 份");
        }

        text.Append(CultureInfo.InvariantCulture, $"。共查摆问题 {problems.Count} 个");
        var nonZero = byCategory.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (nonZero.Count > 0)
        {
            text.Append('（').Append(string.Join("，", nonZero.Select(kv => $"{CategoryLabels.Of(Parse(kv.Key))} {kv.Value} 个"))).Append('）');
        }

        text.Append(CultureInfo.InvariantCulture, $"，共性问题 {common.Count} 个");
        if (common.Count > 0)
        {
            text.Append('：').Append(string.Join("；", common.Take(5).Select(c => c.Title)));
        }

        text.Append('。');
        var flagged = flags.Count(f => f.Flag.Severity != FlagSeverity.Info);
        if (flagged > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"材料审核提示 {flagged} 条，请在会前督促修改。");
        }

        return new UnitSummary
        {
            UnitId = unitId,
            UnitName = unitName,
            MeetingName = MeetingName(accepted),
            MeetingDate = options.MeetingDate,
            MeetingYear = accepted.Select(r => r.MeetingYear).OfType<int>().GroupBy(y => y).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault(),
            Statements = all.Count,
            Accepted = accepted.Count + superseded.Count,
            Superseded = superseded.Count,
            Rejected = all.Count(r => r.Status == RecordStatus.Rejected),
            Failed = all.Count(r => r.Status == RecordStatus.Failed),
            Members = members,
            Problems = problems.Count,
            Causes = accepted.Sum(r => r.Summary?.Causes ?? 0),
            Measures = accepted.Sum(r => r.Summary?.Measures ?? 0),
            ProblemsByCategory = byCategory,
            CommonProblems = common,
            Quality = flags,
            Text = text.ToString(),
        };
    }

    private static CategoryCode Parse(string code) => Enum.GetValues<CategoryCode>().First(c => CategoryLabels.CodeOf(c) == code);
}
