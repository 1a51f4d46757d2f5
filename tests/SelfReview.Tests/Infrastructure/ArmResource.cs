using System.Text.Json.Nodes;

namespace SelfReview.Tests.Infrastructure;

/// <summary>A resource of a compiled template (one copy of it, in a copy loop), read through its template's <see cref="ArmScope"/>.</summary>
public sealed record ArmResource(ArmScope Scope, JsonObject Node, string? SymbolicName, int? CopyIndex)
{
    public string Type => Node["type"]!.GetValue<string>();

    /// <summary>The evaluated value at a dotted path ("properties.filter.subjectBeginsWith").</summary>
    public JsonNode? Get(string path)
    {
        JsonNode? current = Node;
        foreach (var segment in path.Split('.'))
        {
            if (current is JsonValue)
            {
                // An expression producing an object (union(...), variables(...)): evaluate, then go on.
                current = Scope.Evaluate(current, CopyIndex);
            }

            current = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var i) => array[i],
                _ => null,
            };
        }

        return Scope.Evaluate(current, CopyIndex);
    }

    public string GetString(string path) =>
        Get(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new InvalidOperationException($"{Type}: '{path}' is not a string ({Get(path)?.ToJsonString() ?? "missing"}).");

    /// <summary>The last segment of the resource name ("…/default/statements" → "statements").</summary>
    public string ShortName => GetString("name").Split('/')[^1];

    public override string ToString() => $"{Type} {Scope.DeploymentName}/{Node["name"]}";
}
