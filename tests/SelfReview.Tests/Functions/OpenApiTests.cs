using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using SelfReview.Functions;

namespace SelfReview.Tests.Functions;

/// <summary>contracts/openapi.yaml describes every HTTP function, and nothing else.</summary>
public sealed class OpenApiTests
{
    private static readonly (string Name, string Method, string Path)[] HttpFunctions =
    [
        .. typeof(AppSettingNames).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().FirstOrDefault()))
            // The web page's static files are not part of the API.
            .Where(x => x.Function is not null && x.Trigger is not null && x.Function.Name != "GetWebPage")
            .SelectMany(x => x.Trigger!.Methods!.Select(method => (x.Function!.Name, method.ToLowerInvariant(), "/" + x.Trigger.Route))),
    ];

    private static OpenApiDocument Read(out OpenApiDiagnostic diagnostic)
    {
        using var stream = File.OpenRead(TestFiles.OpenApi);
        return new OpenApiStreamReader().Read(stream, out diagnostic);
    }

    [Fact]
    public void Document_IsValidOpenApi()
    {
        var document = Read(out var diagnostic);

        Assert.Empty(diagnostic.Errors.Select(e => e.ToString()));
        Assert.Equal("SelfReview API", document.Info.Title);
    }

    [Fact]
    public void Document_DescribesEveryHttpFunction_ByRouteMethodAndOperationId()
    {
        var document = Read(out _);

        Assert.Equal(29, HttpFunctions.Length);
        Assert.All(HttpFunctions, f =>
        {
            Assert.True(document.Paths.TryGetValue(f.Path, out var path), $"{f.Path} is not in openapi.yaml");
            var operation = path!.Operations.FirstOrDefault(o => o.Key.ToString().Equals(f.Method, StringComparison.OrdinalIgnoreCase)).Value;
            Assert.True(operation is not null, $"{f.Method.ToUpperInvariant()} {f.Path} is not in openapi.yaml");
            Assert.Equal(f.Name, operation!.OperationId);
        });
    }

    [Fact]
    public void Document_DescribesNoOperationTheAppDoesNotHave()
    {
        var document = Read(out _);

        // Operations only serve has (password sign-in) are marked x-selfreview-hosts: [serve].
        var described = document.Paths.SelectMany(p => p.Value.Operations.Where(o => !o.Value.Extensions.ContainsKey("x-selfreview-hosts")).Select(o => (o.Key.ToString().ToLowerInvariant(), p.Key)));

        Assert.Equal(HttpFunctions.Select(f => (f.Method, f.Path)).Order(), described.Order());
    }
}
