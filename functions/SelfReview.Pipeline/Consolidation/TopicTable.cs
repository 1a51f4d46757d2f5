using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// The shared topics of common problems (Vocabulary/topics.json): terms that name one topic in other
/// words (文山会海 / 会议文件, 公务接待 / 公务用车), so members who write them share a problem. Checked on
/// load: a topic without a name or terms, or a term claimed by two topics, fails at start-up.
/// </summary>
public sealed class TopicTable
{
    private static readonly Lazy<TopicTable> Shared = new(Load);

    private readonly (string Term, string Topic)[] _terms;

    private TopicTable((string Term, string Topic)[] terms) => _terms = terms;

    public static TopicTable Default => Shared.Value;

    public IReadOnlyList<string> Topics => [.. _terms.Select(t => t.Topic).Distinct(StringComparer.Ordinal)];

    /// <summary>The topic a (simplified) text names: longest term first, so 督查检查考核 wins over 检查考核.</summary>
    public string? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (term, topic) in _terms)
        {
            if (text.Contains(term, StringComparison.Ordinal))
            {
                return topic;
            }
        }

        return null;
    }

    public static TopicTable Parse(string json)
    {
        var file = JsonSerializer.Deserialize(json, TopicJsonContext.Default.TopicFile) ?? throw new InvalidDataException("topics.json is empty");
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in file.Topics ?? throw new InvalidDataException("topics.json has no \"topics\""))
        {
            if (string.IsNullOrWhiteSpace(entry.Topic) || entry.Terms is not { Count: > 0 })
            {
                throw new InvalidDataException("topics.json: every topic needs a name and at least one term");
            }

            foreach (var term in entry.Terms)
            {
                if (string.IsNullOrWhiteSpace(term) || !terms.TryAdd(term, entry.Topic))
                {
                    throw new InvalidDataException($"topics.json: term \"{term}\" is empty or claimed by two topics");
                }
            }
        }

        return new TopicTable([.. terms.OrderByDescending(t => t.Key.Length).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value))]);
    }

    private static TopicTable Load()
    {
        using var stream = typeof(TopicTable).Assembly.GetManifestResourceStream("SelfReview.Vocabulary.topics.json")
            ?? throw new InvalidDataException("the embedded topics.json is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>topics.json as written.</summary>
internal sealed record TopicFile(IReadOnlyList<TopicEntry>? Topics);

internal sealed record TopicEntry(string Topic, IReadOnlyList<string>? Terms);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(TopicFile))]
internal sealed partial class TopicJsonContext : JsonSerializerContext;
