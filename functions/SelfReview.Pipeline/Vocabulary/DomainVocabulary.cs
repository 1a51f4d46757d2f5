using System.Collections.Frozen;
using System.Reflection;
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
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private static readonly Lazy<DomainVocabulary> Shared = new(() => new DomainVocabulary());

    private readonly FrozenDictionary<char, char> _traditional;

    private DomainVocabulary()
    {
        using (var doc = Load("traditional.json"))
        {
            var map = doc.RootElement.GetProperty("map").GetString() ?? string.Empty;
            var dict = new Dictionary<char, char>();
            for (var i = 0; i + 1 < map.Length; i += 2)
            {
                dict[map[i]] = map[i + 1];
            }

            _traditional = dict.ToFrozenDictionary();
        }

        using (var doc = Load("sections.json"))
        {
            var root = doc.RootElement;
            SectionPatterns = [.. root.GetProperty("kinds").EnumerateArray().Select(k => new SectionPattern(
                ParseSectionKind(k.GetProperty("kind").GetString()!),
                [.. k.GetProperty("patterns").EnumerateArray().Select(p => new Regex(p.GetString()!, Options))]))];
            UnheadedCauses = Regexes(root.GetProperty("unheadedCauses"));
            UnheadedMeasures = Regexes(root.GetProperty("unheadedMeasures"));
            Closing = Regexes(root.GetProperty("closing"));
            AuthorLine = Regexes(root.GetProperty("authorLine"));
        }

        using (var doc = Load("enumerators.json"))
        {
            var root = doc.RootElement;
            Enumerators = [.. root.GetProperty("families").EnumerateArray().Select(f => new EnumeratorFamily(
                f.GetProperty("id").GetString()!,
                f.GetProperty("rank").GetInt32(),
                new Regex(f.GetProperty("pattern").GetString()!, Options),
                f.GetProperty("inline").GetBoolean()))];
            SequenceWords = root.GetProperty("sequenceWords").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32());
        }

        using (var doc = Load("cleaning.json"))
        {
            var root = doc.RootElement;
            InlineLeftovers = Regexes(root.GetProperty("inlineLeftovers"));
            LeftoverLines = Regexes(root.GetProperty("leftoverLines"));
            Placeholders = Regexes(root.GetProperty("placeholders"));
        }

        using (var doc = Load("categories.json"))
        {
            var root = doc.RootElement;
            CategoryTerms = [.. root.GetProperty("categories").EnumerateArray().Select(c => new CategoryLexicon(
                ParseCategory(c.GetProperty("code").GetString()!),
                [.. c.GetProperty("terms").EnumerateObject().Select(t => new WeightedTerm(t.Name, t.Value.GetDouble()))]))];
            AspectHints = [.. root.GetProperty("aspectHints").EnumerateObject().Select(p => new KeyValuePair<string, CategoryCode>(p.Name, ParseCategory(p.Value.GetString()!)))];
            AspectWeight = root.GetProperty("aspectWeight").GetDouble();
        }

        using (var doc = Load("deadlines.json"))
        {
            DeadlineRules = [.. doc.RootElement.GetProperty("rules").EnumerateArray().Select(r => new DeadlineRule(
                ParseDeadlineKind(r.GetProperty("kind").GetString()!),
                r.GetProperty("rule").GetString()!,
                new Regex(r.GetProperty("pattern").GetString()!, Options)))];
        }

        using (var doc = Load("frameworks.json"))
        {
            Frameworks = [.. doc.RootElement.GetProperty("frameworks").EnumerateArray().Select(f => new FrameworkDefinition(
                f.GetProperty("id").GetString()!,
                f.GetProperty("name").GetString()!,
                Strings(f.GetProperty("titleWords")),
                Strings(f.GetProperty("aspects"))))];
        }

        using (var doc = Load("signals.json"))
        {
            var root = doc.RootElement;
            StatementTitle = Regexes(root.GetProperty("statementTitle"));
            TeamTitle = Regexes(root.GetProperty("teamTitle"));
            NonStatementTitles = [.. root.GetProperty("nonStatementTitle").EnumerateArray().Select(n => new NonStatementSignal(
                n.GetProperty("kind").GetString()!, n.GetProperty("label").GetString()!, new Regex(n.GetProperty("pattern").GetString()!, Options)))];
            DomainTerms = Strings(root.GetProperty("domainTerms"));
            ThirdPersonNarration = Strings(root.GetProperty("thirdPersonNarration"));
            ProblemCues = Strings(root.GetProperty("problemCues"));
            MeasureCues = Strings(root.GetProperty("measureCues"));
            CauseCues = Strings(root.GetProperty("causeCues"));
            ProblemSources = [.. root.GetProperty("problemSources").EnumerateObject().Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Name, Strings(p.Value)))];
        }
    }

    /// <summary>The vocabulary shipped with the engine (loaded once).</summary>
    public static DomainVocabulary Default => Shared.Value;

    public IReadOnlyList<SectionPattern> SectionPatterns { get; }
    public IReadOnlyList<Regex> UnheadedCauses { get; }
    public IReadOnlyList<Regex> UnheadedMeasures { get; }
    public IReadOnlyList<Regex> Closing { get; }
    public IReadOnlyList<Regex> AuthorLine { get; }
    public IReadOnlyList<EnumeratorFamily> Enumerators { get; }
    public FrozenDictionary<string, int> SequenceWords { get; }
    public IReadOnlyList<Regex> InlineLeftovers { get; }
    public IReadOnlyList<Regex> LeftoverLines { get; }
    public IReadOnlyList<Regex> Placeholders { get; }
    public IReadOnlyList<CategoryLexicon> CategoryTerms { get; }
    public IReadOnlyList<KeyValuePair<string, CategoryCode>> AspectHints { get; }
    public double AspectWeight { get; }
    public IReadOnlyList<DeadlineRule> DeadlineRules { get; }
    public IReadOnlyList<FrameworkDefinition> Frameworks { get; }
    public IReadOnlyList<Regex> StatementTitle { get; }
    public IReadOnlyList<Regex> TeamTitle { get; }
    public IReadOnlyList<NonStatementSignal> NonStatementTitles { get; }
    public IReadOnlyList<string> DomainTerms { get; }
    public IReadOnlyList<string> ThirdPersonNarration { get; }
    public IReadOnlyList<string> ProblemCues { get; }
    public IReadOnlyList<string> MeasureCues { get; }
    public IReadOnlyList<string> CauseCues { get; }

    /// <summary>问题来源 other than 自己查摆, with the words that show it.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> ProblemSources { get; }

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

    internal static SectionKind ParseSectionKind(string value) => value switch
    {
        "problems" => SectionKind.Problems,
        "causes" => SectionKind.Causes,
        "measures" => SectionKind.Measures,
        "priorRectification" => SectionKind.PriorRectification,
        "caseAnalysis" => SectionKind.CaseAnalysis,
        "personalMatters" => SectionKind.PersonalMatters,
        "closing" => SectionKind.Closing,
        "preamble" => SectionKind.Preamble,
        _ => SectionKind.Other,
    };

    internal static CategoryCode ParseCategory(string value) => value switch
    {
        "theory" => CategoryCode.Theory,
        "political" => CategoryCode.Political,
        "capability" => CategoryCode.Capability,
        "responsibility" => CategoryCode.Responsibility,
        "style" => CategoryCode.Style,
        "integrity" => CategoryCode.Integrity,
        "mass_line" => CategoryCode.MassLine,
        "party_building" => CategoryCode.PartyBuilding,
        _ => CategoryCode.Other,
    };

    private static DeadlineKind ParseDeadlineKind(string value) => value switch
    {
        "immediate" => DeadlineKind.Immediate,
        "ongoing" => DeadlineKind.Ongoing,
        "recurring" => DeadlineKind.Recurring,
        _ => DeadlineKind.Date,
    };

    private static JsonDocument Load(string name)
    {
        var assembly = typeof(DomainVocabulary).Assembly;
        using var stream = assembly.GetManifestResourceStream("SelfReview.Vocabulary." + name)
            ?? throw new InvalidOperationException($"Vocabulary file {name} is not embedded in {assembly.GetName().Name}.");
        return JsonDocument.Parse(stream);
    }

    private static Regex[] Regexes(JsonElement array) => [.. array.EnumerateArray().Select(p => new Regex(p.GetString()!, Options))];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(p => p.GetString()!)];
}
