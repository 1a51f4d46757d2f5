using System.Text.Json;

namespace SelfReview.Cli.Evaluation;

/// <summary>A hand-made answer in the gold format of shared/eval-format.md.</summary>
public sealed record GoldFile(
    bool IsStatement,
    string? StatementKind,
    IReadOnlyList<string> SectionsPresent,
    IReadOnlyList<GoldItem> Problems,
    IReadOnlyList<GoldItem> Causes,
    IReadOnlyList<GoldItem> Measures)
{
    public static GoldFile Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        return new GoldFile(
            root.GetProperty("is_statement").GetBoolean(),
            root.TryGetProperty("statement_kind", out var kind) ? kind.GetString() : null,
            root.TryGetProperty("sections_present", out var sections) ? [.. sections.EnumerateArray().Select(s => s.GetString()!)] : [],
            Items(root, "problems"),
            Items(root, "causes"),
            Items(root, "measures"));
    }

    private static List<GoldItem> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(i => new GoldItem(
                Text(i, "aspect"), Text(i, "title"), Text(i, "first_chars") ?? string.Empty, Text(i, "category"),
                i.TryGetProperty("deadline", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null))]
            : [];

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
