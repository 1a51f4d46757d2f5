using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SelfReview.Tests.Infrastructure;

/// <summary>
/// infra/bicep/main.bicep compiled by scripts/check-infra.sh (the same build and lint CI runs), once
/// per test run, into a temporary folder. When the bicep CLI cannot be restored or run, or the
/// templates have a warning, every test that reads the template fails with the script's output.
/// </summary>
public sealed class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Shared = new(Compile);

    private CompiledTemplate(string checkOutput, JsonObject template, JsonObject parameters)
    {
        CheckOutput = checkOutput;
        Template = template;
        Parameters = parameters;
    }

    public static CompiledTemplate Main => Shared.Value;

    /// <summary>The repository the tests were built from (set by the test project file).</summary>
    public static string RepositoryRoot =>
        typeof(CompiledTemplate).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SelfReview.RepositoryRoot").Value!;

    public static string AppSettingsFile => Path.Combine(RepositoryRoot, "infra", "app-settings.json");

    public static string AzureYamlFile => Path.Combine(RepositoryRoot, "azure.yaml");

    /// <summary>What check-infra.sh printed (bicep version, the commands, "infra: 0 warnings").</summary>
    public string CheckOutput { get; }

    public JsonObject Template { get; }

    /// <summary>main.bicepparam compiled (the values azd passes when no environment variable overrides them).</summary>
    public JsonObject Parameters { get; }

    /// <summary>The deployment with main.bicepparam's values, some of them replaced.</summary>
    public ArmScope Deploy(params (string Name, JsonNode Value)[] overrides)
    {
        var arguments = Parameters["parameters"]!.DeepClone().AsObject();
        foreach (var (name, value) in overrides)
        {
            arguments[name] = new JsonObject { ["value"] = value };
        }

        return new ArmScope(Template, arguments);
    }

    private static CompiledTemplate Compile()
    {
        var outDir = Directory.CreateTempSubdirectory("selfreview-infra-").FullName;
        var script = Path.Combine(RepositoryRoot, "scripts", "check-infra.sh");
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { script, outDir },
        };
        // The test host's MSBuild variables would point the script's own dotnet restore at the wrong SDK
        // parts, and main.bicepparam reads AZURE_* and SELFREVIEW_* variables: the tests check the defaults.
        var inherited = start.Environment.Keys.Where(k =>
            k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("AZURE_", StringComparison.Ordinal)
            || k.StartsWith("SELFREVIEW_", StringComparison.Ordinal));
        foreach (var key in inherited.ToList())
        {
            start.Environment.Remove(key);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var output = stdout.Result + stderr.Result;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"scripts/check-infra.sh failed (exit {process.ExitCode}): the bicep CLI (NuGet package Azure.Bicep.CommandLine.linux-x64, "
                    + $"restored through infra/tools/BicepTool.csproj) is missing or the templates do not build without warnings.\n{output}");
            }

            return new CompiledTemplate(
                output,
                JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "main.json")))!.AsObject(),
                JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "main.parameters.json")))!.AsObject());
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
