using System.Text.Json;

namespace SelfReview.Cli.Evaluation;

/// <summary>
/// A hand-made answer in the gold format of shared/eval-format.md. The fields after the item lists
/// (author, position, meeting year) are only in newer gold files; where a file lacks one, it is not scored.
/// </summary>
public sealed record GoldFile(
    bool IsStatement,
    string? StatementKind,
    IReadOnlyList<string> SectionsPresent,
    IReadOnlyList<GoldItem> Problems,
    IReadOnlyList<GoldItem> Causes,
    IReadOnlyList<GoldItem> Measures)
{
    /// <summary>The author's name, when the gold names one (exact match after trimming).</summary>
    public string? Author { get; init; }

    /// <summary>The author's position (职务), when the gold names one.</summary>
    public string? Position { get; init; }

    /// <summary>The meeting year, when the gold names one.</summary>
    public int? MeetingYear { get; init; }

    public static GoldFile Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        return new GoldFile(
            root.GetProperty("is_statement").GetBoolean(),
            Text(root, "statement_kind"),
            root.TryGetProperty("sections_present", out var sections) ? [.. sections.EnumerateArray().Select(s => s.GetString()!)] : [],
            Items(root, "problems"),
            Items(root, "causes"),
            Items(root, "measures"))
        {
            Author = NonEmpty(Text(root, "author")),
            Position = NonEmpty(Text(root, "position")),
            MeetingYear = root.TryGetProperty("meeting_year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<GoldItem> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(i => new GoldItem(
                Text(i, "aspect"), Text(i, "title"), Text(i, "first_chars") ?? string.Empty, Text(i, "category"),
                i.TryGetProperty("deadline", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null))]
            : [];

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
