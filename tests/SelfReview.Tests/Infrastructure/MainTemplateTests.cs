using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SelfReview.Tests.Infrastructure;

/// <summary>
/// The compiled deployment (infra/bicep/main.bicep → ARM JSON with one nested deployment per
/// module), evaluated with main.bicepparam's values: what Azure would be asked to create.
/// </summary>
public sealed partial class MainTemplateTests
{
    // Built-in role definition ids (Azure RBAC built-in roles).
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    private const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";
    private const string CognitiveServicesOpenAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private const string Deployer = "00000000-0000-0000-0000-00000000d0e1";

    private static ArmScope Default => CompiledTemplate.Main.Deploy();

    private static ArmScope WithOpenAiAndDeployer => CompiledTemplate.Main.Deploy(
        ("enableOpenAi", JsonValue.Create(true)),
        ("principalId", JsonValue.Create(Deployer)));

    [Fact]
    public void CheckInfra_BuildsAndLintsTheTemplates_WithZeroWarnings()
    {
        var output = CompiledTemplate.Main.CheckOutput;

        Assert.Contains("Bicep CLI version 0.49.2", output, StringComparison.Ordinal);
        Assert.Contains("infra: 0 warnings", output, StringComparison.Ordinal);
        Assert.DoesNotContain(": Warning ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_DisablesSharedKeysAndPublicBlobs_AndRequiresTls12OverHttps()
    {
        var storage = Single(Default, "Microsoft.Storage/storageAccounts");

        Assert.False(Bool(storage, "properties.allowSharedKeyAccess"));
        Assert.False(Bool(storage, "properties.allowBlobPublicAccess"));
        Assert.Equal("TLS1_2", storage.GetString("properties.minimumTlsVersion"));
        Assert.True(Bool(storage, "properties.supportsHttpsTrafficOnly"));
        Assert.True(Bool(storage, "properties.defaultToOAuthAuthentication"));
    }

    [Fact]
    public void Storage_KeepsDeletedAndOverwrittenBlobs_ForThirtyDays()
    {
        var blobService = Single(Default, "Microsoft.Storage/storageAccounts/blobServices");

        Assert.True(Bool(blobService, "properties.deleteRetentionPolicy.enabled"));
        Assert.Equal(30, blobService.Get("properties.deleteRetentionPolicy.days")!.GetValue<long>());
        Assert.True(Bool(blobService, "properties.containerDeleteRetentionPolicy.enabled"));
        Assert.True(Bool(blobService, "properties.isVersioningEnabled"));
    }

    [Fact]
    public void Storage_CreatesTheAppsContainersAndQueues_AllPrivate()
    {
        var containers = Default.AllResources.Where(r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        var queues = Default.AllResources.Where(r => r.Type == "Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal(
            ["access", "app-package", "event-dead-letters", "records", "reports", "statements", "tracking"],
            containers.Select(c => c.ShortName).Order(StringComparer.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", c.GetString("properties.publicAccess")));
        Assert.Equal(["statement-events", "unit-consolidation"], queues.Select(q => q.ShortName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10_OnFlexConsumption_FromAPackageReachedByIdentity()
    {
        var plan = Single(Default, "Microsoft.Web/serverfarms");
        var site = Single(Default, "Microsoft.Web/sites");

        Assert.Equal("FC1", plan.GetString("sku.name"));
        Assert.Equal("FlexConsumption", plan.GetString("sku.tier"));
        Assert.Equal("functionapp,linux", site.GetString("kind"));
        Assert.Equal("dotnet-isolated", site.GetString("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", site.GetString("properties.functionAppConfig.runtime.version"));
        Assert.True(Bool(site, "properties.httpsOnly"));
        Assert.Equal("UserAssigned", site.GetString("identity.type"));
        Assert.Equal("blobContainer", site.GetString("properties.functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", site.GetString("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Contains(
            "Microsoft.ManagedIdentity/userAssignedIdentities",
            site.GetString("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"),
            StringComparison.Ordinal);
        var package = site.GetString("properties.functionAppConfig.deployment.storage.value");
        Assert.EndsWith("app-package", package, StringComparison.Ordinal);
        Assert.Contains("outputs.blobEndpoint.value", package, StringComparison.Ordinal);
        // Settings come from the appsettings resource only, so the names are checked in one place.
        Assert.Null(site.Get("properties.siteConfig.appSettings"));
    }

    [Fact]
    public void FunctionApp_RequiresEntraSignIn_ForEverythingButHealth_WithoutASecret()
    {
        const string clientId = "11111111-2222-3333-4444-555555555555";
        var auth = Assert.Single(CompiledTemplate.Main.Deploy(("authClientId", clientId)).AllResources, r => r.Type == "Microsoft.Web/sites/config" && r.ShortName == "authsettingsV2");

        Assert.True(Bool(auth, "properties.platform.enabled"));
        Assert.True(Bool(auth, "properties.globalValidation.requireAuthentication"));
        Assert.Equal("RedirectToLoginPage", auth.GetString("properties.globalValidation.unauthenticatedClientAction"));
        Assert.Equal(["/api/health"], auth.Get("properties.globalValidation.excludedPaths")!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(Bool(auth, "properties.httpSettings.requireHttps"));
        Assert.True(Bool(auth, "properties.identityProviders.azureActiveDirectory.enabled"));
        Assert.Equal(clientId, auth.GetString("properties.identityProviders.azureActiveDirectory.registration.clientId"));
        Assert.Contains("environment()", auth.GetString("properties.identityProviders.azureActiveDirectory.registration.openIdIssuer"), StringComparison.Ordinal);
        Assert.Null(auth.Get("properties.identityProviders.azureActiveDirectory.registration.clientSecretSettingName"));
        Assert.Equal(["api://" + clientId, clientId], auth.Get("properties.identityProviders.azureActiveDirectory.validation.allowedAudiences")!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.False(Bool(auth, "properties.login.tokenStore.enabled"));
    }

    [Fact]
    public void FunctionApp_HasNoAuthenticationSettings_WithoutAnAppRegistration()
    {
        Assert.DoesNotContain(Default.AllResources, r => r.Type == "Microsoft.Web/sites/config" && r.ShortName == "authsettingsV2");
    }

    [Fact]
    public void AppRoles_DeclareTheAdministratorAndTheReadOnlyRole_TheWorkerChecks()
    {
        var roles = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate.RepositoryRoot, "infra", "entra", "app-roles.json")))!.AsArray();
        var options = new SelfReview.Pipeline.Access.AccessOptions();

        Assert.Equal([options.AdministratorRole, options.ReaderRole], roles.Select(r => r!["value"]!.GetValue<string>()));
        Assert.All(roles, r => Assert.Contains("Application", r!["allowedMemberTypes"]!.AsArray().Select(m => m!.GetValue<string>())));
    }

    [Fact]
    public void FunctionApp_AllowsNoPublishingWithPasswords()
    {
        var policies = Default.AllResources.Where(r => r.Type == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(["ftp", "scm"], policies.Select(p => p.ShortName).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(Bool(p, "properties.allow")));
    }

    [Fact]
    public void FunctionApp_SettingsAreTheRequiredNames_WithoutAzureOpenAi()
    {
        var (required, optional) = SettingNames();

        var names = AppSettings(Default).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(required.Order(StringComparer.Ordinal), names);
        Assert.NotEmpty(optional);
        Assert.All(optional, name => Assert.DoesNotContain(name, names));
    }

    [Fact]
    public void FunctionApp_SettingsAreTheRequiredAndOptionalNames_WithAzureOpenAi()
    {
        var (required, optional) = SettingNames();

        var names = AppSettings(WithOpenAiAndDeployer).Select(p => p.Key).Order(StringComparer.Ordinal);

        Assert.Equal(required.Concat(optional).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void FunctionApp_SettingsConnectWithTheUserAssignedIdentity_AndHoldNoSecret()
    {
        var settings = AppSettings(WithOpenAiAndDeployer).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        var clientId = settings["AzureWebJobsStorage__clientId"];

        // The client id is the identity module's output, the identity the app runs as.
        Assert.Contains("'identity')", clientId, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.clientId.value⟫", clientId, StringComparison.Ordinal);
        Assert.Contains(
            "Microsoft.ManagedIdentity/userAssignedIdentities",
            Default.Deployment("identity").Template["outputs"]!["clientId"]!["value"]!.GetValue<string>(),
            StringComparison.Ordinal);
        foreach (var name in new[] { "SelfReviewStorage__clientId", "DocumentIntelligence__ClientId", "Summaries__ClientId" })
        {
            Assert.Equal(clientId, settings[name]);
        }

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("managedidentity", settings["SelfReviewStorage__credential"]);
        Assert.Equal($"ClientId={clientId};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains("'storage')", settings["AzureWebJobsStorage__accountName"], StringComparison.Ordinal);
        Assert.Contains("outputs.blobEndpoint.value", settings["SelfReviewStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("outputs.queueEndpoint.value", settings["SelfReviewStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains("'document-intelligence')", settings["DocumentIntelligence__Endpoint"], StringComparison.Ordinal);
        Assert.Contains("'openai')", settings["Summaries__ChatEndpoint"], StringComparison.Ordinal);
        Assert.Contains("outputs.deploymentName.value", settings["Summaries__ChatDeployment"], StringComparison.Ordinal);
        Assert.Contains("outputs.connectionString.value", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Equal("DocumentIntelligence", settings["Ocr__Engine"]);
        Assert.Equal("prebuilt-layout", settings["DocumentIntelligence__ModelId"]);
        Assert.Equal("2024-11-30", settings["DocumentIntelligence__ApiVersion"]);
        Assert.Equal("3", settings["Consolidation__DefaultDeadlineMonths"]);
        Assert.Equal("30", settings["Consolidation__DelaySeconds"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        foreach (var (name, value) in settings)
        {
            Assert.False(SecretPattern().IsMatch(value), $"{name} holds a key or a SAS: {value}");
        }
    }

    [Fact]
    public void Template_ReadsNoKeyAnywhere()
    {
        var text = CompiledTemplate.Main.Template.ToJsonString();

        foreach (var function in new[] { "listKeys(", "listKey(", "listAccountSas(", "listServiceSas(", "listConnectionStrings(", "listSecrets(" })
        {
            Assert.DoesNotContain(function, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(SecretPattern(), text);
    }

    [Fact]
    public void RoleAssignments_AreDataRolesOnTheResourcesThemselves_ForTheAppTheTopicAndTheDeployer()
    {
        var assignments = WithOpenAiAndDeployer.AllResources
            .Where(r => r.Type == "Microsoft.Authorization/roleAssignments")
            .Select(Describe)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                $"app {StorageBlobDataContributor} Microsoft.Storage/storageAccounts in storage",
                $"app {StorageQueueDataContributor} Microsoft.Storage/storageAccounts in storage",
                $"app {StorageTableDataContributor} Microsoft.Storage/storageAccounts in storage",
                $"app {CognitiveServicesUser} Microsoft.CognitiveServices/accounts in document-intelligence",
                $"app {CognitiveServicesOpenAIUser} Microsoft.CognitiveServices/accounts in openai",
                $"app {MonitoringMetricsPublisher} Microsoft.Insights/components in monitoring",
                $"topic {StorageQueueDataMessageSender} Microsoft.Storage/storageAccounts/queueServices/queues in event-grid",
                $"topic {StorageBlobDataContributor} Microsoft.Storage/storageAccounts/blobServices/containers in event-grid",
                $"deployer {StorageBlobDataContributor} Microsoft.Storage/storageAccounts in storage",
            }.Order(StringComparer.Ordinal),
            assignments);
    }

    [Fact]
    public void RoleAssignments_GrantTheDeployerNothing_WhenNoPrincipalIsGiven()
    {
        var principals = Default.AllResources
            .Where(r => r.Type == "Microsoft.Authorization/roleAssignments")
            .Select(r => Describe(r).Split(' ')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["app", "topic"], principals);
    }

    [Fact]
    public void RoleAssignments_ScopeTheTopicToTheEventQueueAndTheDeadLetterContainer()
    {
        var scopes = Default.Deployment("event-grid").Resources
            .Where(r => r.Type == "Microsoft.Authorization/roleAssignments")
            .Select(r => r.Node["scope"]!.GetValue<string>())
            .ToList();

        Assert.Contains(scopes, s => s.Contains("parameters('queueName')", StringComparison.Ordinal));
        Assert.Contains(scopes, s => s.Contains("parameters('deadLetterContainerName')", StringComparison.Ordinal));
        var module = Default.Deployment("event-grid");
        Assert.Equal("statement-events", module.Parameter("queueName")!.GetValue<string>());
        Assert.Equal("event-dead-letters", module.Parameter("deadLetterContainerName")!.GetValue<string>());
    }

    [Fact]
    public void EventGrid_DeliversBlobsCreatedUnderStatements_ToTheStatementEventsQueue_ByTheTopicsIdentity()
    {
        var topic = Single(Default, "Microsoft.EventGrid/systemTopics");
        var subscription = Single(Default, "Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Equal("SystemAssigned", topic.GetString("identity.type"));
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.GetString("properties.topicType"));
        Assert.Contains("Microsoft.Storage/storageAccounts", topic.GetString("properties.source"), StringComparison.Ordinal);

        Assert.Equal(["Microsoft.Storage.BlobCreated"], Strings(subscription.Get("properties.filter.includedEventTypes")));
        Assert.Equal("/blobServices/default/containers/statements/", subscription.GetString("properties.filter.subjectBeginsWith"));
        var filter = Assert.Single(subscription.Get("properties.filter.advancedFilters")!.AsArray())!;
        Assert.Equal("StringIn", filter["operatorType"]!.GetValue<string>());
        Assert.Equal("data.api", filter["key"]!.GetValue<string>());
        Assert.Equal(["CopyBlob", "FlushWithClose", "PutBlob", "PutBlockList"], Strings(filter["values"]).Order(StringComparer.Ordinal));

        Assert.Null(subscription.Get("properties.destination"));
        Assert.Equal("SystemAssigned", subscription.GetString("properties.deliveryWithResourceIdentity.identity.type"));
        Assert.Equal("StorageQueue", subscription.GetString("properties.deliveryWithResourceIdentity.destination.endpointType"));
        Assert.Equal("statement-events", subscription.GetString("properties.deliveryWithResourceIdentity.destination.properties.queueName"));
        Assert.Contains("Microsoft.Storage/storageAccounts", subscription.GetString("properties.deliveryWithResourceIdentity.destination.properties.resourceId"), StringComparison.Ordinal);
        Assert.Equal(-1, subscription.Get("properties.deliveryWithResourceIdentity.destination.properties.queueMessageTimeToLiveInSeconds")!.GetValue<long>());
    }

    [Fact]
    public void EventGrid_RetriesAndDeadLettersToAContainer_ByTheTopicsIdentity_AfterItsRolesExist()
    {
        var subscription = Single(Default, "Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.True(subscription.Get("properties.retryPolicy.maxDeliveryAttempts")!.GetValue<long>() > 1);
        Assert.True(subscription.Get("properties.retryPolicy.eventTimeToLiveInMinutes")!.GetValue<long>() >= 60);
        Assert.Null(subscription.Get("properties.deadLetterDestination"));
        Assert.Equal("SystemAssigned", subscription.GetString("properties.deadLetterWithResourceIdentity.identity.type"));
        Assert.Equal("StorageBlob", subscription.GetString("properties.deadLetterWithResourceIdentity.deadLetterDestination.endpointType"));
        Assert.Equal("event-dead-letters", subscription.GetString("properties.deadLetterWithResourceIdentity.deadLetterDestination.properties.blobContainerName"));
        var dependsOn = Strings(subscription.Node["dependsOn"]);
        Assert.Equal(2, dependsOn.Count(d => d.Contains("Microsoft.Authorization/roleAssignments", StringComparison.Ordinal)));
    }

    [Fact]
    public void DocumentIntelligence_AcceptsOnlyEntraTokens_OnItsCustomSubdomain()
    {
        var account = Assert.Single(Default.AllResources, r => r.Type == "Microsoft.CognitiveServices/accounts");

        Assert.Equal("FormRecognizer", account.GetString("kind"));
        Assert.True(Bool(account, "properties.disableLocalAuth"));
        Assert.Equal(account.GetString("name"), account.GetString("properties.customSubDomainName"));
        Assert.Equal("S0", account.GetString("sku.name"));
    }

    [Fact]
    public void AzureOpenAi_IsDeployedOnlyWhenEnabled_AndAcceptsOnlyEntraTokens()
    {
        var accounts = WithOpenAiAndDeployer.AllResources.Where(r => r.Type == "Microsoft.CognitiveServices/accounts").ToList();
        var openAi = Assert.Single(accounts, a => a.GetString("kind") == "OpenAI");

        Assert.DoesNotContain(Default.Deployments, d => d.DeploymentName == "openai");
        Assert.True(Bool(openAi, "properties.disableLocalAuth"));
        Assert.Equal(openAi.GetString("name"), openAi.GetString("properties.customSubDomainName"));
        var chat = Single(WithOpenAiAndDeployer, "Microsoft.CognitiveServices/accounts/deployments");
        Assert.Equal("summaries", chat.ShortName);
    }

    [Fact]
    public void Monitoring_AcceptsOnlyEntraAuthenticatedTelemetry_InAWorkspace()
    {
        var insights = Single(Default, "Microsoft.Insights/components");
        var workspace = Single(Default, "Microsoft.OperationalInsights/workspaces");

        Assert.True(Bool(insights, "properties.DisableLocalAuth"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.GetString("properties.WorkspaceResourceId"), StringComparison.Ordinal);
        Assert.True(Bool(workspace, "properties.features.disableLocalAuth"));
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsService_IntoTheTaggedFunctionApp()
    {
        var yaml = File.ReadAllText(CompiledTemplate.AzureYamlFile);
        var site = Single(Default, "Microsoft.Web/sites");

        Assert.Equal("functions", site.GetString("tags.azd-service-name"));
        Assert.Equal("selfreview", site.GetString("tags.azd-env-name"));
        Assert.Matches(@"(?m)^services:\s*\n\s+functions:\s*\n(\s{4}.*\n)*?\s{4}host: function\s*$", yaml);
        Assert.Matches(@"(?m)^\s+path: infra/bicep\s*$", yaml);
    }

    private static ArmResource Single(ArmScope deployment, string type) => Assert.Single(deployment.AllResources, r => r.Type == type);

    private static bool Bool(ArmResource resource, string path) =>
        resource.Get(path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new InvalidOperationException($"{resource}: '{path}' is not a boolean.");

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(s => s!.GetValue<string>())];

    private static JsonObject AppSettings(ArmScope deployment)
    {
        var config = Assert.Single(deployment.AllResources, r => r.Type == "Microsoft.Web/sites/config" && r.ShortName == "appsettings");
        return config.Get("properties")!.AsObject();
    }

    private static (List<string> Required, List<string> Optional) SettingNames()
    {
        var file = JsonNode.Parse(File.ReadAllText(CompiledTemplate.AppSettingsFile))!;
        return (Strings(file["required"]), Strings(file["optional"]));
    }

    // "app|topic|deployer <role id> <scope type> in <module>".
    private static string Describe(ArmResource assignment)
    {
        var roleDefinition = assignment.Node["properties"]!["roleDefinitionId"]!.GetValue<string>();
        var role = Assert.Single(RoleIdPattern().Matches(roleDefinition)).Value;
        Assert.Contains("'Microsoft.Authorization/roleDefinitions'", roleDefinition, StringComparison.Ordinal);

        // No scope would mean the resource group the module deploys to.
        var scope = assignment.Node["scope"]?.GetValue<string>() ?? throw new InvalidOperationException($"{assignment} has no scope.");
        var scopeType = ResourceIdTypePattern().Match(scope) is { Success: true } m
            ? m.Groups[1].Value
            : assignment.Scope.Symbol(scope)?["type"]?.GetValue<string>() ?? scope;

        var principal = assignment.Node["properties"]!["principalId"]!.GetValue<string>();
        string who;
        var identityName = IdentityNameOf(assignment.Scope, principal);
        if (identityName is not null)
        {
            // The identity module's identity, not one of the module's own.
            var name = assignment.Scope.Evaluate(JsonValue.Create(identityName))!.GetValue<string>();
            Assert.Contains("'identity')", name, StringComparison.Ordinal);
            Assert.Contains(".outputs.name.value", name, StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", assignment.GetString("properties.principalType"));
            who = "app";
        }
        else if (principal.Contains("'Microsoft.EventGrid/systemTopics'", StringComparison.Ordinal) && principal.EndsWith(".identity.principalId]", StringComparison.Ordinal))
        {
            Assert.Equal("ServicePrincipal", assignment.GetString("properties.principalType"));
            who = "topic";
        }
        else
        {
            Assert.Equal(Deployer, assignment.GetString("properties.principalId"));
            who = "deployer";
        }

        return $"{who} {role} {scopeType} in {assignment.Scope.DeploymentName}";
    }

    // The name expression of the user-assigned identity a principalId reads, if it reads one: a
    // symbolic reference (languageVersion 2.0 templates) or reference(resourceId(...)).principalId.
    private static string? IdentityNameOf(ArmScope scope, string principal)
    {
        if (SymbolReferencePattern().Match(principal) is { Success: true } symbol)
        {
            var identity = scope.Symbol(symbol.Groups[1].Value)!;
            Assert.Equal("Microsoft.ManagedIdentity/userAssignedIdentities", identity["type"]!.GetValue<string>());
            return identity["name"]!.GetValue<string>();
        }

        return IdentityReferencePattern().Match(principal) is { Success: true } reference ? $"[{reference.Groups[1].Value}]" : null;
    }

    [GeneratedRegex(@"^\[reference\(resourceId\('Microsoft\.ManagedIdentity/userAssignedIdentities', (.+)\), '[0-9a-z-]+'\)\.principalId\]$")]
    private static partial Regex IdentityReferencePattern();

    [GeneratedRegex(@"AccountKey=|SharedAccessSignature|[?&]sig=|InstrumentationKey=|AccessKey=", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleIdPattern();

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ResourceIdTypePattern();

    [GeneratedRegex(@"^\[reference\('(\w+)'\)\.principalId\]$")]
    private static partial Regex SymbolReferencePattern();
}
