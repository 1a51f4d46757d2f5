using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace SelfReview.Contracts;

/// <summary>
/// The JSON Schemas other systems read, generated from the contract types. The committed files under
/// <c>contracts/schemas/</c> must equal what this produces (a test checks it; <c>selfreview schema</c> rewrites them).
/// </summary>
public static class ContractSchemas
{
    /// <summary>File name → schema text, for every published contract.</summary>
    public static IReadOnlyDictionary<string, string> Generate() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["statement-record.schema.json"] = Render(typeof(StatementRecord), "StatementRecord", "One uploaded statement after the pipeline."),
        ["unit-summary.schema.json"] = Render(typeof(UnitSummary), "UnitSummary", "A unit's summary, reported upward."),
        ["row-tracking.schema.json"] = Render(typeof(RowTracking), "RowTracking", "What people record about one row of the rectification list (整改台账): status, progress, evidence, 销号."),
        ["unit-rollup.schema.json"] = Render(typeof(UnitRollup), "UnitRollup", "The figures of every unit below a parent unit, added up from their summaries (汇总)."),
        ["rectification-list.schema.json"] = Render(typeof(RectificationList), "RectificationList", "A unit's consolidated rectification list (整改清单)."),
    };

    private static string Render(Type type, string title, string description)
    {
        var exporterOptions = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true };
        var schema = SelfReviewJson.Options.GetJsonSchemaAsNode(type, exporterOptions);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:selfreview:schema:" + title + ":" + ContractVersions.Current,
            ["title"] = title,
            ["description"] = description,
        };
        foreach (var property in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(property.Key);
            root[property.Key] = property.Value;
        }

        return root.ToJsonString(new JsonSerializerOptions(SelfReviewJson.Options) { WriteIndented = true }) + "\n";
    }
}
