using System.Text.Json;
using SelfReview.Functions.Hosting;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Functions.Consolidation;

/// <summary>The message on <c>unit-consolidation</c>: <c>{"unitId":"…"}</c>.</summary>
public sealed record ConsolidationRequest(string UnitId)
{
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("unitId", UnitId);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The request in a message body, or null when the body holds none (or an invalid unit id).</summary>
    public static ConsolidationRequest? Parse(BinaryData body)
    {
        if (MessageBody.JsonText(body) is not { } text)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("unitId", out var unit)
                && unit.ValueKind == JsonValueKind.String
                && StorageLayout.IsValidUnitId(unit.GetString())
                ? new ConsolidationRequest(unit.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
