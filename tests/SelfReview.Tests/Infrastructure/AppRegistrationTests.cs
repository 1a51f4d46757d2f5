using System.Text.Json.Nodes;

namespace SelfReview.Tests.Infrastructure;

/// <summary>
/// The one step outside Bicep (scripts/create-app-registration.sh) and what the deployment takes from it: the
/// registration carries the app roles the worker checks, issues tokens for <c>api://{appId}</c> (systems) and ID
/// tokens (people), and no secret is made or stored anywhere.
/// </summary>
public sealed class AppRegistrationTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(CompiledTemplate.RepositoryRoot, "scripts", "create-app-registration.sh"));

    [Fact]
    public void Script_DeclaresTheAppRoles_AndTheApiUriSystemsAskTokensFor()
    {
        Assert.Contains("--app-roles @infra/entra/app-roles.json", Script, StringComparison.Ordinal);
        Assert.Contains("--identifier-uris \"api://$app_id\"", Script, StringComparison.Ordinal);
        Assert.Contains("--enable-id-token-issuance true", Script, StringComparison.Ordinal);
        Assert.Contains("azd env set SELFREVIEW_AUTH_CLIENT_ID", Script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("credential reset")]
    [InlineData("--password")]
    [InlineData("add-password")]
    [InlineData("clientSecret")]
    [InlineData("client-secret")]
    public void Script_CreatesNoSecret(string secretMaker)
    {
        Assert.DoesNotContain(secretMaker, Script, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReadRole_IsForApplications_AndCapsTheWorkersRightsAtRead()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate.RepositoryRoot, "infra", "entra", "app-roles.json")))!.AsArray();
        var options = new SelfReview.Pipeline.Access.AccessOptions();

        var read = Assert.Single(roles, r => r!["value"]!.GetValue<string>() == options.ReaderRole)!;
        Assert.True(read["isEnabled"]!.GetValue<bool>());
        Assert.Contains("Application", read["allowedMemberTypes"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(roles.Count, roles.Select(r => r!["id"]!.GetValue<string>()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Parameters_TakeTheClientIdFromTheEnvironment_NotFromAFile()
    {
        var parameters = File.ReadAllText(Path.Combine(CompiledTemplate.RepositoryRoot, "infra", "bicep", "main.bicepparam"));

        Assert.Contains("readEnvironmentVariable('SELFREVIEW_AUTH_CLIENT_ID'", parameters, StringComparison.Ordinal);
    }
}
