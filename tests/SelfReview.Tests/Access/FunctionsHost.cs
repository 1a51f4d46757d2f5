using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using SelfReview.Api;
using SelfReview.Functions.Api;
using SelfReview.Pipeline.Access;
using SelfReview.Tests.Azurite;
using SelfReview.Tests.Functions;

namespace SelfReview.Tests.Access;

/// <summary>
/// The Functions app's HTTP functions on Azurite, routed by their <see cref="ApiRoutes"/> templates as the
/// host routes them, with callers as App Service authentication presents them (X-MS-CLIENT-PRINCIPAL).
/// </summary>
public sealed class FunctionsHost(FunctionsApp app, string unit) : IApiHost
{
    private const string ReaderOid = "00000000-0000-0000-0000-0000000000r1";

    private static readonly (string Route, string Method, Func<FunctionsApp, HttpRequest, RouteValueDictionary, Task<IResult>> Run)[] Functions =
    [
        (ApiRoutes.Health, "GET", (a, r, v) => Task.FromResult(a.Function<CheckHealth>().Run(r))),
        (ApiRoutes.Units, "GET", (a, r, v) => a.Function<ListUnits>().RunAsync(r, default)),
        (ApiRoutes.Session, "GET", (a, r, v) => a.Function<GetSession>().RunAsync(r, default)),
        (ApiRoutes.Unit, "GET", (a, r, v) => a.Function<GetUnit>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Unit, "PUT", (a, r, v) => a.Function<SetUnitParent>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Rollup, "GET", (a, r, v) => a.Function<GetUnitRollup>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Statements, "POST", (a, r, v) => a.Function<UploadStatement>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Statements, "GET", (a, r, v) => a.Function<ListStatements>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Statement, "GET", (a, r, v) => a.Function<GetStatement>().RunAsync(r, S(v, "unitId"), S(v, "statementId"), default)),
        (ApiRoutes.Summary, "GET", (a, r, v) => a.Function<GetUnitSummary>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Rectifications, "GET", (a, r, v) => a.Function<GetRectifications>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Rectification, "GET", (a, r, v) => a.Function<GetRectification>().RunAsync(r, S(v, "unitId"), S(v, "rowId"), default)),
        (ApiRoutes.Rectification, "PATCH", (a, r, v) => a.Function<UpdateRectification>().RunAsync(r, S(v, "unitId"), S(v, "rowId"), default)),
        (ApiRoutes.Evidence, "GET", (a, r, v) => a.Function<ListEvidence>().RunAsync(r, S(v, "unitId"), S(v, "rowId"), default)),
        (ApiRoutes.Evidence, "POST", (a, r, v) => a.Function<UploadEvidence>().RunAsync(r, S(v, "unitId"), S(v, "rowId"), default)),
        (ApiRoutes.EvidenceFile, "GET", (a, r, v) => a.Function<GetEvidence>().RunAsync(r, S(v, "unitId"), S(v, "rowId"), S(v, "name"), default)),
        (ApiRoutes.TrackingDue, "GET", (a, r, v) => a.Function<GetDueRectifications>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.TrackingRates, "GET", (a, r, v) => a.Function<GetCompletionRates>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.TrackingImport, "POST", (a, r, v) => a.Function<ImportRectifications>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Reports, "GET", (a, r, v) => a.Function<ListReports>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Report, "GET", (a, r, v) => a.Function<GetReport>().RunAsync(r, S(v, "unitId"), S(v, "name"), default)),
        (ApiRoutes.Audit, "GET", (a, r, v) => a.Function<GetUnitAudit>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Roster, "GET", (a, r, v) => a.Function<GetRoster>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Roster, "PUT", (a, r, v) => a.Function<ImportRoster>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.RosterOwner, "PUT", (a, r, v) => a.Function<SetRosterOwner>().RunAsync(r, S(v, "unitId"), S(v, "statementId"), default)),
        (ApiRoutes.LastYear, "PUT", (a, r, v) => a.Function<ImportLastYear>().RunAsync(r, S(v, "unitId"), default)),
        (ApiRoutes.Access, "GET", (a, r, v) => a.Function<GetAccess>().RunAsync(r, default)),
        (ApiRoutes.AccessGrant, "PUT", (a, r, v) => a.Function<SetAccessGrant>().RunAsync(r, S(v, "principal"), default)),
        (ApiRoutes.AccessGrant, "DELETE", (a, r, v) => a.Function<RemoveAccessGrant>().RunAsync(r, S(v, "principal"), default)),
    ];

    public string Unit => unit;

    public FunctionsApp App => app;

    /// <summary>Grants the matrix's callers their units in the (shared) Azurite access map; the unit is new for each run.</summary>
    public static async Task<FunctionsHost> StartAsync(AzuriteFixture azurite, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var app = await FunctionsApp.StartAsync(azurite, configure: configure);
        var unit = "acl-" + Guid.NewGuid().ToString("N")[..10];
        var editor = new AccessMapEditor((IAccessStore)app.Services.GetService(typeof(IAccessStore))!);
        await editor.UpdateAsync(m => m
            .WithGrant(new AccessGrant(Principals.Entra + Oid(CallerKind.OtherUnit), ["acl-other-unit"], AccessRight.Edit))
            // The reader holds an edit grant, but its app role caps it at read.
            .WithGrant(new AccessGrant(Principals.Entra + ReaderOid, [unit], AccessRight.Edit))
            .WithGrant(new AccessGrant(Principals.Group + "editors-" + unit, [unit], AccessRight.Edit)));
        return new FunctionsHost(app, unit);
    }

    public IReadOnlyDictionary<string, string> HeadersOf(CallerKind caller) => new Dictionary<string, string>
    {
        [global::SelfReview.Api.Access.ClientPrincipal.HeaderName] = caller switch
        {
            CallerKind.Anonymous => "",
            CallerKind.WrongCredential => "bm90IGpzb24=", // base64 of "not json"
            CallerKind.ReadOnly => EasyAuthPrincipal.Header(ReaderOid, roles: ["SelfReview.Read"]),
            CallerKind.Edit => EasyAuthPrincipal.Header(Oid(caller), groups: ["editors-" + unit]),
            CallerKind.Admin => EasyAuthPrincipal.Header(Oid(caller), roles: ["SelfReview.Admin"]),
            _ => EasyAuthPrincipal.Header(Oid(caller)),
        },
    };

    public async Task<(int Status, string Body)> SendAsync(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, byte[]? body)
    {
        var path = pathAndQuery.Split('?')[0];
        foreach (var (route, routeMethod, run) in Functions)
        {
            var values = new RouteValueDictionary();
            if (routeMethod == method && new TemplateMatcher(TemplateParser.Parse(ApiRoutes.Prefix + "/" + route), []).TryMatch(path, values))
            {
                var response = await app.HttpAsync(method, pathAndQuery, (r, _) => run(app, r, values), body, headers);
                return (response.Status, response.Text);
            }
        }

        throw new InvalidOperationException($"no function for {method} {path}");
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static string Oid(CallerKind caller) => $"00000000-0000-0000-0000-{(int)caller:D12}";

    private static string S(RouteValueDictionary values, string name) => (string)values[name]!;
}
