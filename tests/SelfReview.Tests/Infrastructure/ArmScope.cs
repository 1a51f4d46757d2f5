using System.Globalization;
using System.Text.Json.Nodes;

namespace SelfReview.Tests.Infrastructure;

/// <summary>
/// One template of a compiled deployment (main.json, or a module's nested
/// <c>Microsoft.Resources/deployments</c> template) with the arguments it is deployed with: it
/// evaluates expressions the way Azure Resource Manager would, as far as they depend on parameters
/// and variables only. What is known only during a deployment (reference(), resourceId(),
/// uniqueString() …) evaluates to a marker string "⟪expression⟫" that keeps the expression text,
/// and such values count as non-empty (endpoints, ids and names are never empty).
/// </summary>
public sealed class ArmScope
{
    private const string OpaqueStart = "⟪";
    private const string OpaqueEnd = "⟫";

    private readonly JsonObject _template;
    private readonly JsonObject _arguments;
    private readonly ArmScope? _parent;
    private readonly Lazy<IReadOnlyList<ArmResource>> _resources;
    private readonly Lazy<IReadOnlyList<ArmScope>> _deployments;

    public ArmScope(JsonObject template, JsonObject arguments, string deploymentName = "main", ArmScope? parent = null)
    {
        _template = template;
        _arguments = arguments;
        _parent = parent;
        DeploymentName = deploymentName;
        _resources = new(() => [.. Expand()]);
        _deployments = new(() =>
        [
            .. _resources.Value
                .Where(r => r.Type == "Microsoft.Resources/deployments")
                .Select(r => new ArmScope(
                    r.Node["properties"]!["template"]!.AsObject(),
                    r.Node["properties"]!["parameters"]?.AsObject() ?? [],
                    r.GetString("name"),
                    this)),
        ]);
    }

    /// <summary>The deployment (module) name; "main" for the top template.</summary>
    public string DeploymentName { get; }

    /// <summary>Resources this template deploys: conditions that evaluate to false left out, copy loops expanded, existing references left out.</summary>
    public IReadOnlyList<ArmResource> Resources => _resources.Value;

    /// <summary>The nested deployments (modules) this template deploys.</summary>
    public IReadOnlyList<ArmScope> Deployments => _deployments.Value;

    /// <summary>This template's resources and those of every nested deployment, recursively.</summary>
    public IEnumerable<ArmResource> AllResources =>
        Resources.Where(r => r.Type != "Microsoft.Resources/deployments").Concat(Deployments.SelectMany(d => d.AllResources));

    public ArmScope Deployment(string name) =>
        Deployments.SingleOrDefault(d => d.DeploymentName == name)
        ?? throw new InvalidOperationException($"No deployment '{name}' in '{DeploymentName}' (has: {string.Join(", ", Deployments.Select(d => d.DeploymentName))}).");

    public JsonObject Template => _template;

    public static bool IsDeploymentTime(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains(OpaqueStart, StringComparison.Ordinal);

    /// <summary>A resource declared in this template by symbolic name (languageVersion 2.0), existing ones included.</summary>
    public JsonObject? Symbol(string symbolicName) =>
        _template["resources"] is JsonObject byName ? byName[symbolicName]?.AsObject() : null;

    public JsonNode? Evaluate(JsonNode? node, int? copyIndex = null)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    result[key] = Evaluate(value, copyIndex);
                }

                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Evaluate(item, copyIndex))]);
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith('['):
                if (text.StartsWith("[[", StringComparison.Ordinal))
                {
                    return JsonValue.Create(text[1..]);
                }

                return text.EndsWith(']') ? Evaluate(ArmExpression.Parse(text[1..^1]), copyIndex) : node.DeepClone();
            default:
                return node.DeepClone();
        }
    }

    public JsonNode? Parameter(string name)
    {
        // Arguments of a nested deployment are expressions of the template that deploys it: either
        // { "value": expression } or, for a value chosen by a condition, one expression giving that object.
        var caller = _parent ?? this;
        switch (_arguments[name])
        {
            case JsonObject argument:
                return caller.Evaluate(argument["value"]);
            case JsonValue argument:
                var evaluated = caller.Evaluate(argument);
                return evaluated is JsonObject wrapped ? wrapped["value"]?.DeepClone() : evaluated;
        }

        var declared = _template["parameters"]?[name]
            ?? throw new InvalidOperationException($"Template '{DeploymentName}' declares no parameter '{name}'.");
        return declared["defaultValue"] is { } defaultValue ? Evaluate(defaultValue) : Opaque($"parameters('{name}')");
    }

    public JsonNode? Variable(string name) =>
        Evaluate(_template["variables"]?[name] ?? throw new InvalidOperationException($"Template '{DeploymentName}' declares no variable '{name}'."));

    private static JsonValue Opaque(string text) => JsonValue.Create(OpaqueStart + text + OpaqueEnd);

    private IEnumerable<ArmResource> Expand()
    {
        IEnumerable<(string? Symbol, JsonObject Node)> declared = _template["resources"] switch
        {
            JsonArray list => list.Select(r => ((string?)null, r!.AsObject())),
            JsonObject byName => byName.Select(p => ((string?)p.Key, p.Value!.AsObject())),
            _ => [],
        };
        foreach (var (symbol, node) in declared)
        {
            if (node["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            if (node["copy"] is JsonObject copy)
            {
                var count = Evaluate(copy["count"])!.GetValue<long>();
                for (var i = 0; i < count; i++)
                {
                    if (IsDeployed(node, i))
                    {
                        yield return new ArmResource(this, node, symbol, i);
                    }
                }
            }
            else if (IsDeployed(node, null))
            {
                yield return new ArmResource(this, node, symbol, null);
            }
        }
    }

    // A condition known only during the deployment counts as true: the resource may be deployed.
    private bool IsDeployed(JsonObject node, int? copyIndex) =>
        node["condition"] is not { } condition || Evaluate(condition, copyIndex) is not JsonValue v || !v.TryGetValue<bool>(out var deployed) || deployed;

    private JsonNode? Evaluate(ArmExpression expression, int? copyIndex)
    {
        switch (expression)
        {
            case ArmExpression.Literal literal:
                return literal.Value is string s ? JsonValue.Create(s) : JsonValue.Create((long)literal.Value);
            case ArmExpression.Member member:
                var target = Evaluate(member.Target, copyIndex);
                return target is JsonObject obj ? Property(obj, member.Name)?.DeepClone() : Opaque(member.Text);
            case ArmExpression.Index index:
                var indexed = Evaluate(index.Target, copyIndex);
                var key = Evaluate(index.Key, copyIndex);
                return (indexed, key) switch
                {
                    (JsonArray array, JsonValue i) when i.TryGetValue<long>(out var n) => array[(int)n]?.DeepClone(),
                    (JsonObject o, JsonValue k) when k.TryGetValue<string>(out var name) && !IsDeploymentTime(k) => Property(o, name)?.DeepClone(),
                    _ => Opaque(index.Text),
                };
            case ArmExpression.FunctionCall call:
                return Call(call, copyIndex);
            default:
                throw new InvalidOperationException(expression.Text);
        }
    }

    private JsonNode? Call(ArmExpression.FunctionCall call, int? copyIndex)
    {
        var name = call.Name.ToLowerInvariant();
        switch (name)
        {
            case "parameters":
                return Parameter(LiteralArgument(call));
            case "variables":
                return Variable(LiteralArgument(call));
            case "copyindex":
                return copyIndex is { } i ? JsonValue.Create((long)i) : throw new InvalidOperationException($"copyIndex() outside a copy loop: {call.Text}");
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
            case "null":
                return null;
            case "if":
                // Only the branch taken is evaluated, as ARM does.
                return Evaluate(call.Arguments[0], copyIndex) is JsonValue c && c.TryGetValue<bool>(out var condition)
                    ? Evaluate(call.Arguments[condition ? 1 : 2], copyIndex)
                    : Opaque(call.Text);
        }

        var args = call.Arguments.Select(a => Evaluate(a, copyIndex)).ToList();
        switch (name)
        {
            case "format":
                return JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Scalar(args[0]), [.. args.Skip(1).Select(Scalar)]));
            case "concat" when args.All(a => a is JsonArray):
                return new JsonArray([.. args.SelectMany(a => a!.AsArray()).Select(item => item?.DeepClone())]);
            case "concat":
                return JsonValue.Create(string.Concat(args.Select(Scalar)));
            case "createarray":
                return new JsonArray([.. args]);
            case "createobject":
                var created = new JsonObject();
                for (var i = 0; i + 1 < args.Count; i += 2)
                {
                    created[Scalar(args[i])] = args[i + 1];
                }

                return created;
            case "empty":
                return JsonValue.Create(args[0] switch
                {
                    null => true,
                    JsonArray a => a.Count == 0,
                    JsonObject o => o.Count == 0,
                    JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
                    _ => false,
                });
        }

        if (args.Any(IsDeploymentTime))
        {
            return Opaque(call.Text);
        }

        return name switch
        {
            "union" when args.All(a => a is JsonObject) => Union(args.Select(a => a!.AsObject())),
            "not" when args[0] is JsonValue v && v.TryGetValue<bool>(out var b) => JsonValue.Create(!b),
            "equals" => JsonValue.Create(JsonNode.DeepEquals(args[0], args[1])),
            "length" => JsonValue.Create((long)(args[0] switch
            {
                JsonArray a => a.Count,
                JsonObject o => o.Count,
                var v => Scalar(v).Length,
            })),
            "tolower" => JsonValue.Create(Scalar(args[0]).ToLowerInvariant()),
            "string" => JsonValue.Create(Scalar(args[0])),
            "bool" => JsonValue.Create(args[0] is JsonValue v && v.TryGetValue<bool>(out var flag) ? flag : bool.Parse(Scalar(args[0]))),
            _ => Opaque(call.Text),
        };
    }

    private static JsonObject Union(IEnumerable<JsonObject> objects)
    {
        var union = new JsonObject();
        foreach (var (key, value) in objects.SelectMany(o => o))
        {
            union[key] = value?.DeepClone();
        }

        return union;
    }

    private static string LiteralArgument(ArmExpression.FunctionCall call) =>
        call.Arguments is [ArmExpression.Literal { Value: string name }]
            ? name
            : throw new InvalidOperationException($"Expected one literal argument: {call.Text}");

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v => Convert.ToString(v.GetValue<object>(), CultureInfo.InvariantCulture) ?? "",
        _ => value.ToJsonString(),
    };

    // ARM property names are case-insensitive.
    private static JsonNode? Property(JsonObject obj, string name) =>
        obj[name] ?? obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
