using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;
using SelfReview.Pipeline.Vocabulary.Files;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Vocabulary;

/// <summary>
/// The domain's words — section names, enumerators, lexicons, frameworks, deadline expressions — loaded
/// from the JSON files beside this class (embedded in the assembly), so next year's framework is a data change.
/// </summary>
public sealed class DomainVocabulary
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly Lazy<DomainVocabulary> Shared = new(() => new DomainVocabulary());

    private readonly FrozenDictionary<char, char> _traditional;
    private readonly IReadOnlyList<IReadOnlyList<string>> _siblings;

    private DomainVocabulary()
    {
        var traditional = Load("traditional.json", VocabularyJsonContext.Default.TraditionalFile);
        var dict = new Dictionary<char, char>();
        for (var i = 0; i + 1 < traditional.Map.Length; i += 2)
        {
            dict[traditional.Map[i]] = traditional.Map[i + 1];
        }

        _traditional = dict.ToFrozenDictionary();

        const string sectionsFile = "sections.json";
        var sections = Load(sectionsFile, VocabularyJsonContext.Default.SectionsFile);
        SectionPatterns = [.. sections.Kinds.Select(k => new SectionPattern(
            ParseSectionKind(sectionsFile, k.Kind),
            Regexes(sectionsFile, "kinds.patterns", k.Patterns)))];
        UnheadedCauses = Regexes(sectionsFile, "unheadedCauses", sections.UnheadedCauses);
        UnheadedMeasures = Regexes(sectionsFile, "unheadedMeasures", sections.UnheadedMeasures);
        Closing = Regexes(sectionsFile, "closing", sections.Closing);
        AuthorLine = Regexes(sectionsFile, "authorLine", sections.AuthorLine);
        Headings = new HeadingRules(
            Compile(sectionsFile, "headings.sentenceCues", sections.Headings.SentenceCues),
            Compile(sectionsFile, "headings.shortfallHeading", sections.Headings.ShortfallHeading),
            Compile(sectionsFile, "headings.aspectSuffix", sections.Headings.AspectSuffix),
            Compile(sectionsFile, "headings.aspectItemSuffix", sections.Headings.AspectItemSuffix),
            sections.Headings);
        ContentCues = new Dictionary<SectionKind, IReadOnlyList<Cue>>
        {
            [SectionKind.Problems] = Cues(sectionsFile, "contentCues.problems", sections.ContentCues.Problems),
            [SectionKind.Causes] = Cues(sectionsFile, "contentCues.causes", sections.ContentCues.Causes),
            [SectionKind.Measures] = Cues(sectionsFile, "contentCues.measures", sections.ContentCues.Measures),
        }.ToFrozenDictionary();

        const string enumeratorsFile = "enumerators.json";
        var enumerators = Load(enumeratorsFile, VocabularyJsonContext.Default.EnumeratorsFile);
        Enumerators = [.. enumerators.Families.Select(f => new EnumeratorFamily(f.Id, f.Rank, Compile(enumeratorsFile, "families.pattern", f.Pattern), f.Inline))];
        SequenceWords = enumerators.SequenceWords.ToFrozenDictionary(StringComparer.Ordinal);
        _siblings = enumerators.Siblings;
        Inline = enumerators.Inline;
        foreach (var family in _siblings.SelectMany(g => g))
        {
            if (!Enumerators.Any(f => f.Id == family))
            {
                throw Invalid(enumeratorsFile, "siblings", $"unknown family \"{family}\"");
            }
        }

        const string cleaningFile = "cleaning.json";
        var cleaning = Load(cleaningFile, VocabularyJsonContext.Default.CleaningFile);
        InlineLeftovers = Regexes(cleaningFile, "inlineLeftovers", cleaning.InlineLeftovers);
        LeftoverLines = Regexes(cleaningFile, "leftoverLines", cleaning.LeftoverLines);
        Placeholders = Regexes(cleaningFile, "placeholders", cleaning.Placeholders);

        const string categoriesFile = "categories.json";
        var categories = Load(categoriesFile, VocabularyJsonContext.Default.CategoriesFile);
        CategoryTerms = [.. categories.Categories.Select(c => new CategoryLexicon(
            ParseCategory(categoriesFile, c.Code),
            [.. c.Terms.Select(t => new WeightedTerm(t.Key, t.Value))]))];
        AspectHints = [.. categories.AspectHints.Select(p => new KeyValuePair<string, CategoryCode>(p.Key, ParseCategory(categoriesFile, p.Value)))];
        AspectWeight = categories.AspectWeight;

        const string deadlinesFile = "deadlines.json";
        var deadlines = Load(deadlinesFile, VocabularyJsonContext.Default.DeadlinesFile);
        DeadlineRules = [.. deadlines.Rules.Select(r => new DeadlineRule(
            ParseDeadlineKind(deadlinesFile, r.Kind), r.Rule, Compile(deadlinesFile, "rules.pattern", r.Pattern)))];
        ProblemDeadlineLabel = Compile(deadlinesFile, "problemLabels", deadlines.ProblemLabels);

        var frameworks = Load("frameworks.json", VocabularyJsonContext.Default.FrameworksFile);
        Frameworks = [.. frameworks.Frameworks.Select(f => new FrameworkDefinition(f.Id, f.Name, f.TitleWords, f.Aspects, f.MeetingYear))];

        const string signalsFile = "signals.json";
        var signals = Load(signalsFile, VocabularyJsonContext.Default.SignalsFile);
        StatementTitle = Regexes(signalsFile, "statementTitle", signals.StatementTitle);
        TeamTitle = Regexes(signalsFile, "teamTitle", signals.TeamTitle);
        NonStatementTitles = [.. signals.NonStatementTitle.Select(n => new NonStatementSignal(n.Kind, n.Label, Compile(signalsFile, "nonStatementTitle.pattern", n.Pattern)))];
        DomainTerms = signals.DomainTerms;
        FirstPerson = signals.FirstPerson;
        ThirdPersonNarration = signals.ThirdPersonNarration;
        ProblemCues = signals.ProblemCues;
        MeasureCues = signals.MeasureCues;
        CauseCues = signals.CauseCues;
        ProblemSources = [.. signals.ProblemSources.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Key, p.Value))];

        const string gateFile = "gate.json";
        var gate = Load(gateFile, VocabularyJsonContext.Default.GateFile);
        Gate = new GateRules(
            Cues(gateFile, "statement", gate.Statement),
            [.. gate.Genres.Select(g => new Genre(g.Kind, g.Label, g.Threshold, Cues(gateFile, "genres." + g.Kind, g.Cues)))],
            Cues(gateFile, "team.for", gate.Team.For),
            Cues(gateFile, "team.against", gate.Team.Against),
            gate.Team.Threshold,
            gate.Thresholds,
            gate.Messages);

        const string titleFile = "titleblock.json";
        var title = Load(titleFile, VocabularyJsonContext.Default.TitleBlockFile);
        TitleBlock = new TitleBlockRules(
            Regexes(titleFile, "notAuthors", title.NotAuthors),
            Compile(titleFile, "positionNoise", title.PositionNoise),
            Regexes(titleFile, "authorLines", title.AuthorLines),
            Regexes(titleFile, "signatures", title.Signatures),
            Regexes(titleFile, "titleAuthors", title.TitleAuthors),
            title.RoleLabels,
            Regexes(titleFile, "headerLeftovers", title.HeaderLeftovers),
            Compile(titleFile, "dateLine", title.DateLine),
            Compile(titleFile, "dateParts", title.DateParts),
            Compile(titleFile, "meetingYear", title.MeetingYear),
            Compile(titleFile, "titleWords", title.TitleWords),
            Compile(titleFile, "titleKindWords", title.TitleKindWords),
            title.Limits);
    }

    /// <summary>The vocabulary shipped with the engine (loaded once).</summary>
    public static DomainVocabulary Default => Shared.Value;

    public IReadOnlyList<SectionPattern> SectionPatterns { get; }
    public IReadOnlyList<Regex> UnheadedCauses { get; }
    public IReadOnlyList<Regex> UnheadedMeasures { get; }
    public IReadOnlyList<Regex> Closing { get; }
    public IReadOnlyList<Regex> AuthorLine { get; }

    /// <summary>How items that run together inside one paragraph are split.</summary>
    public InlineRulesEntry Inline { get; }

    /// <summary>How a line is told to be a section heading.</summary>
    public HeadingRules Headings { get; }

    /// <summary>The language that shows an unheaded group's kind (problems, causes, measures).</summary>
    public FrozenDictionary<SectionKind, IReadOnlyList<Cue>> ContentCues { get; }
    public IReadOnlyList<EnumeratorFamily> Enumerators { get; }
    public FrozenDictionary<string, int> SequenceWords { get; }
    public IReadOnlyList<Regex> InlineLeftovers { get; }
    public IReadOnlyList<Regex> LeftoverLines { get; }
    public IReadOnlyList<Regex> Placeholders { get; }
    public IReadOnlyList<CategoryLexicon> CategoryTerms { get; }
    public IReadOnlyList<KeyValuePair<string, CategoryCode>> AspectHints { get; }
    public double AspectWeight { get; }
    public IReadOnlyList<DeadlineRule> DeadlineRules { get; }

    /// <summary>The label of a deadline written right after a problem (整改时限：…).</summary>
    public Regex ProblemDeadlineLabel { get; }
    public IReadOnlyList<FrameworkDefinition> Frameworks { get; }
    public IReadOnlyList<Regex> StatementTitle { get; }
    public IReadOnlyList<Regex> TeamTitle { get; }
    public IReadOnlyList<NonStatementSignal> NonStatementTitles { get; }
    public IReadOnlyList<string> DomainTerms { get; }
    public IReadOnlyList<string> ThirdPersonNarration { get; }
    public IReadOnlyList<string> FirstPerson { get; }

    /// <summary>The gate's evidence, thresholds and messages.</summary>
    public GateRules Gate { get; }

    /// <summary>How titles, authors, signatures and salutations are written.</summary>
    public TitleBlockRules TitleBlock { get; }
    public IReadOnlyList<string> ProblemCues { get; }
    public IReadOnlyList<string> MeasureCues { get; }
    public IReadOnlyList<string> CauseCues { get; }

    /// <summary>问题来源 other than 自己查摆, with the words that show it.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> ProblemSources { get; }

    /// <summary>Whether authors mix the two families within one list (1. 2、; 首先 其次 第三，).</summary>
    public bool AreSiblings(string family, string other) =>
        family == other || _siblings.Any(g => g.Contains(family) && g.Contains(other));

    /// <summary>Maps traditional characters to simplified ones, for matching only.</summary>
    public string ToSimplified(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (_traditional.TryGetValue(text[i], out var simplified))
            {
                sb ??= new StringBuilder(text);
                sb[i] = simplified;
            }
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>How many characters of <paramref name="text"/> are traditional-only forms.</summary>
    public int CountTraditional(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (_traditional.ContainsKey(c))
            {
                n++;
            }
        }

        return n;
    }

    internal static SectionKind ParseSectionKind(string file, string value) => value switch
    {
        "problems" => SectionKind.Problems,
        "causes" => SectionKind.Causes,
        "measures" => SectionKind.Measures,
        "priorRectification" => SectionKind.PriorRectification,
        "caseAnalysis" => SectionKind.CaseAnalysis,
        "personalMatters" => SectionKind.PersonalMatters,
        "closing" => SectionKind.Closing,
        "preamble" => SectionKind.Preamble,
        "other" => SectionKind.Other,
        _ => throw Invalid(file, "kind", $"unknown section kind \"{value}\""),
    };

    internal static CategoryCode ParseCategory(string file, string value) => value switch
    {
        "theory" => CategoryCode.Theory,
        "political" => CategoryCode.Political,
        "capability" => CategoryCode.Capability,
        "responsibility" => CategoryCode.Responsibility,
        "style" => CategoryCode.Style,
        "integrity" => CategoryCode.Integrity,
        "mass_line" => CategoryCode.MassLine,
        "party_building" => CategoryCode.PartyBuilding,
        "other" => CategoryCode.Other,
        _ => throw Invalid(file, "code", $"unknown category \"{value}\""),
    };

    private static DeadlineKind ParseDeadlineKind(string file, string value) => value switch
    {
        "date" => DeadlineKind.Date,
        "immediate" => DeadlineKind.Immediate,
        "ongoing" => DeadlineKind.Ongoing,
        "recurring" => DeadlineKind.Recurring,
        _ => throw Invalid(file, "rules.kind", $"unknown deadline kind \"{value}\""),
    };

    private static CueScope ParseScope(string file, string key, string value) => value switch
    {
        "text" => CueScope.Text,
        "title" => CueScope.Title,
        "line" => CueScope.Line,
        "opening" => CueScope.Opening,
        _ => throw Invalid(file, key + ".scope", $"unknown scope \"{value}\""),
    };

    /// <summary>Reads one embedded vocabulary file into its typed record; a missing or unknown key names the file and the key.</summary>
    internal static T Load<T>(string name, JsonTypeInfo<T> typeInfo)
    {
        var assembly = typeof(DomainVocabulary).Assembly;
        using var stream = assembly.GetManifestResourceStream("SelfReview.Vocabulary." + name)
            ?? throw new InvalidOperationException($"Vocabulary file {name} is not embedded in {assembly.GetName().Name}.");
        return Parse(name, stream, typeInfo);
    }

    /// <summary>Reads vocabulary JSON into its typed record; a missing or unknown key names the file and the key.</summary>
    internal static T Parse<T>(string name, Stream json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw Invalid(name, "$", "the file is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Vocabulary file {name} is invalid at {e.Path ?? "$"}: {e.Message}", e);
        }
    }

    private static InvalidOperationException Invalid(string file, string key, string what) =>
        new($"Vocabulary file {file} is invalid at {key}: {what}.");

    private static Regex Compile(string file, string key, string pattern)
    {
        try
        {
            return new Regex(pattern, Options);
        }
        catch (ArgumentException e)
        {
            throw Invalid(file, key, $"the pattern \"{pattern}\" is not a regular expression ({e.Message})");
        }
    }

    private static Regex[] Regexes(string file, string key, IReadOnlyList<string> patterns) => [.. patterns.Select(p => Compile(file, key, p))];

    private static Cue[] Cues(string file, string key, IReadOnlyList<EvidenceCueEntry> cues) =>
        [.. cues.Select(c => new Cue(Compile(file, key + ".pattern", c.Pattern), c.Weight, c.Max, ParseScope(file, key, c.Scope)))];
}
