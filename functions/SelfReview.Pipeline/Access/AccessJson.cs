using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfReview.Pipeline.Access;

/// <summary>The stored form of the access map and of audit lines (camelCase, string enums, readable Chinese).</summary>
public static class AccessJson
{
    private static readonly AccessJsonContext Context = new(new JsonSerializerOptions(AccessJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly AccessJsonContext Compact = new(new JsonSerializerOptions(Context.Options) { WriteIndented = false });

    public const string MapName = "access.json";
    public const string Container = "access";
    public const string AuditContainer = "tracking";

    public static byte[] Serialize(AccessMap map) => JsonSerializer.SerializeToUtf8Bytes(map, Context.AccessMap);

    public static AccessMap Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, Context.AccessMap) ?? throw new JsonException("the access map is empty");

    /// <summary>One JSON line (JSON Lines: one event per line, no raw newlines inside).</summary>
    public static string AuditLine(AuditEvent auditEvent)
    {
        return JsonSerializer.Serialize(auditEvent, Compact.AuditEvent) + "\n";
    }

    public static IReadOnlyList<AuditEvent> ParseAudit(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize(line, Context.AuditEvent) ?? throw new JsonException("empty audit line"))];

    /// <summary>The audit trail's name in its container: <c>{unitId}/audit/{yyyy-MM-dd}.jsonl</c>.</summary>
    public static string AuditName(string unitId, DateOnly day) =>
        $"{unitId}/audit/{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.jsonl";
}
