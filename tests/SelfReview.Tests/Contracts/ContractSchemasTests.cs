using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SelfReview.Contracts;

namespace SelfReview.Tests.Contracts;

public sealed class ContractSchemasTests
{
    [Fact]
    public void CommittedSchemas_EqualTheSchemasOfTheTypes()
    {
        foreach (var (name, generated) in ContractSchemas.Generate())
        {
            var path = Path.Combine(TestFiles.CommittedSchemas, name);
            Assert.True(File.Exists(path), $"contracts/schemas/{name} is missing: run `selfreview schema`.");
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(path)), JsonNode.Parse(generated)),
                $"contracts/schemas/{name} differs from the contract types: run `selfreview schema` and commit.");
        }
    }

    [Fact]
    public async Task SeedRecord_ValidatesAgainstTheCommittedSchema()
    {
        var record = await Engine.ProcessFileAsync(TestFiles.SeedDocx);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(TestFiles.CommittedSchemas, "statement-record.schema.json")));

        using var json = JsonDocument.Parse(SelfReviewJson.Serialize(record, SelfReviewJson.Record));
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)) ?? []));
    }

    [Fact]
    public async Task Record_UsesTheFieldNamesTheMeasurementReads()
    {
        var record = await Engine.ProcessFileAsync(TestFiles.SeedText);

        using var json = JsonDocument.Parse(SelfReviewJson.Serialize(record, SelfReviewJson.Record));
        var root = json.RootElement;
        Assert.Equal("accepted", root.GetProperty("status").GetString());
        Assert.Equal("personal", root.GetProperty("statementKind").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("rejection").ValueKind);
        var problems = root.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "problems");
        var item = problems.GetProperty("items")[1];
        foreach (var field in new[] { "id", "label", "aspect", "title", "text", "category", "deadline" })
        {
            Assert.True(item.TryGetProperty(field, out _), field);
        }

        Assert.Equal("一是", item.GetProperty("label").GetString());
        Assert.Equal("capability", item.GetProperty("category").GetProperty("code").GetString());
        Assert.Contains("创新本领", root.GetRawText(), StringComparison.Ordinal);
    }
}
