using System.Text.Json;
using SelfReview.Functions;

namespace SelfReview.Tests.Functions;

/// <summary>The functions.metadata the worker SDK generated at build: what the Functions host will load.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement[] Functions = Load();

    private static JsonElement[] Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(TestFiles.FunctionsMetadata));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static JsonElement Trigger(string function) =>
        Functions.Single(f => f.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Metadata_ListsExactlyTheAppsFunctions()
    {
        Assert.Equal(
            ["CheckHealth", "ConsolidateUnit", "GetAccess", "GetCompletionRates", "GetDueRectifications", "GetEvidence", "GetRectification", "GetRectifications", "GetReport", "GetRoster", "GetSession", "GetStatement", "GetUnit", "GetUnitAudit", "GetUnitRollup", "GetUnitSummary", "GetWebPage", "ImportLastYear", "ImportRectifications", "ImportRoster", "IngestStatement", "ListEvidence", "ListReports", "ListStatements", "ListUnits", "RemoveAccessGrant", "SetAccessGrant", "SetRosterOwner", "SetUnitParent", "UpdateRectification", "UploadEvidence", "UploadStatement"],
            Functions.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(Functions, f => Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString()));
        Assert.All(Functions, f => Assert.Equal("SelfReview.Functions.dll", f.GetProperty("scriptFile").GetString()));
    }

    [Fact]
    public void Metadata_NamesEachFunctionAfterItsClass()
    {
        Assert.All(Functions, f =>
        {
            var entryPoint = f.GetProperty("entryPoint").GetString()!;
            var type = entryPoint[..entryPoint.LastIndexOf('.')];
            Assert.Equal(f.GetProperty("name").GetString(), type[(type.LastIndexOf('.') + 1)..]);
        });
    }

    [Theory]
    [InlineData("IngestStatement", QueueNames.StatementEvents)]
    [InlineData("ConsolidateUnit", QueueNames.UnitConsolidation)]
    public void QueueTriggers_ListenOnTheirQueue_WithTheAppsStorageConnection(string function, string queue)
    {
        var trigger = Trigger(function);

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
        Assert.Equal(AppSettingNames.SelfReviewStorage, trigger.GetProperty("connection").GetString());
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
    }

    [Theory]
    [InlineData("UploadStatement", "post", "units/{unitId}/statements", "Anonymous")]
    [InlineData("ListStatements", "get", "units/{unitId}/statements", "Anonymous")]
    [InlineData("GetStatement", "get", "units/{unitId}/statements/{statementId}", "Anonymous")]
    [InlineData("GetUnitSummary", "get", "units/{unitId}/summary", "Anonymous")]
    [InlineData("GetUnit", "get", "units/{unitId}", "Anonymous")]
    [InlineData("SetUnitParent", "put", "units/{unitId}", "Anonymous")]
    [InlineData("GetUnitRollup", "get", "units/{unitId}/rollup", "Anonymous")]
    [InlineData("GetRectifications", "get", "units/{unitId}/rectifications", "Anonymous")]
    [InlineData("GetUnitAudit", "get", "units/{unitId}/audit", "Anonymous")]
    [InlineData("GetRectification", "get", "units/{unitId}/rectifications/{rowId}", "Anonymous")]
    [InlineData("UpdateRectification", "patch", "units/{unitId}/rectifications/{rowId}", "Anonymous")]
    [InlineData("ListEvidence", "get", "units/{unitId}/rectifications/{rowId}/evidence", "Anonymous")]
    [InlineData("UploadEvidence", "post", "units/{unitId}/rectifications/{rowId}/evidence", "Anonymous")]
    [InlineData("GetEvidence", "get", "units/{unitId}/rectifications/{rowId}/evidence/{name}", "Anonymous")]
    [InlineData("GetDueRectifications", "get", "units/{unitId}/tracking/due", "Anonymous")]
    [InlineData("GetCompletionRates", "get", "units/{unitId}/tracking/rates", "Anonymous")]
    [InlineData("ImportRectifications", "post", "units/{unitId}/tracking/import", "Anonymous")]
    [InlineData("GetAccess", "get", "access", "Anonymous")]
    [InlineData("SetAccessGrant", "put", "access/grants/{principal}", "Anonymous")]
    [InlineData("RemoveAccessGrant", "delete", "access/grants/{principal}", "Anonymous")]
    [InlineData("GetSession", "get", "session", "Anonymous")]
    [InlineData("CheckHealth", "get", "health", "Anonymous")]
    public void HttpTriggers_HaveTheirRouteMethodAndAuthLevel(string function, string method, string route, string authLevel)
    {
        var trigger = Trigger(function);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
        var output = Functions.Single(f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "Out");
        Assert.Equal("http", output.GetProperty("type").GetString());
    }

    [Fact]
    public void HostJson_ExportsTheHostsTelemetryWithOpenTelemetry_AsTheWorkerDoes()
    {
        // The worker exports through OpenTelemetry (AddSelfReviewTelemetry); the host then does too, so its
        // invocations and the worker's spans land in Application Insights as one trace.
        using var host = JsonDocument.Parse(File.ReadAllBytes(TestFiles.FunctionsHostJson));

        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());
    }

    [Fact]
    public void HostJson_GivesUpAfterTheDequeueCountIngestStatementTreatsAsLast_AndPassesMessagesAsTheyAre()
    {
        using var host = JsonDocument.Parse(File.ReadAllBytes(TestFiles.FunctionsHostJson));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(QueueNames.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("none", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal("api", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }
}
