using System.Reflection;
using System.Text.Json.Nodes;
using SelfReview.Functions;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Reading.Ocr;
using SelfReview.Pipeline.Summaries;

namespace SelfReview.Tests.Infrastructure;

/// <summary>
/// infra/app-settings.json is the one list of settings: the Bicep sets exactly those (MainTemplateTests),
/// the app names exactly those (here), and every Section__Property name binds to a real option.
/// </summary>
public sealed class AppSettingNamesTests
{
    private static readonly Dictionary<string, Type> OptionsBySection = new(StringComparer.Ordinal)
    {
        [OcrOptions.SectionName] = typeof(OcrOptions),
        [DocumentIntelligenceOptions.SectionName] = typeof(DocumentIntelligenceOptions),
        [ConsolidationOptions.SectionName] = typeof(ConsolidationOptions),
        [SummariesOptions.SectionName] = typeof(SummariesOptions),
    };

    private static HashSet<string> AppNames() =>
    [
        .. typeof(AppSettingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(n => n.Contains("__", StringComparison.Ordinal) || n.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal)),
    ];

    private static HashSet<string> InfraNames()
    {
        var json = JsonNode.Parse(File.ReadAllText(CompiledTemplate.AppSettingsFile))!;
        return [.. json["required"]!.AsArray().Concat(json["optional"]!.AsArray()).Select(n => n!.GetValue<string>())];
    }

    [Fact]
    public void TheAppAndTheDeployment_NameTheSameSettings()
    {
        var app = AppNames();
        var infra = InfraNames();

        Assert.True(app.SetEquals(infra), $"only in the app: {string.Join(", ", app.Except(infra))}; only in infra: {string.Join(", ", infra.Except(app))}");
    }

    [Fact]
    public void EverySectionSetting_BindsToAnOptionOfThatSection()
    {
        foreach (var name in AppNames().Where(n => n.Contains("__", StringComparison.Ordinal)))
        {
            var parts = name.Split("__");
            if (!OptionsBySection.TryGetValue(parts[0], out var type))
            {
                // AzureWebJobsStorage__* and SelfReviewStorage__* are identity-based connections read by the host and StorageClients.
                Assert.Contains(parts[0], new[] { "AzureWebJobsStorage", "SelfReviewStorage" });
                continue;
            }

            var property = type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            Assert.True(property is { CanWrite: true }, $"{name}: {type.Name} has no settable {parts[1]}");
        }
    }
}
