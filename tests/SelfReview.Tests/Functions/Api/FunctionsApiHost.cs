using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using SelfReview.Api;
using SelfReview.Functions.Api;
using SelfReview.Pipeline.Storage;
using SelfReview.Tests.Api;

namespace SelfReview.Tests.Functions.Api;

/// <summary>
/// The Functions app as an <see cref="IApiHost"/>: a request is matched against the functions' route
/// templates (the same <see cref="ApiRoutes"/> constants their triggers name), its route values decoded as
/// the host decodes them, and handed to that function; processing is Event Grid's event for each new
/// upload, then the two queues drained.
/// </summary>
public sealed class FunctionsApiHost(FunctionsApp app) : IApiHost
{
    private static readonly (string Method, string Route, Func<FunctionsApp, HttpRequest, RouteValueDictionary, CancellationToken, Task<IResult>> Run)[] Routes =
    [
        ("GET", ApiRoutes.Health, (a, r, v, ct) => Task.FromResult(a.Function<CheckHealth>().Run(r))),
        ("GET", ApiRoutes.Units, (a, r, v, ct) => a.Function<ListUnits>().RunAsync(r, ct)),
        ("GET", ApiRoutes.Unit, (a, r, v, ct) => a.Function<GetUnit>().RunAsync(r, V(v, "unitId"), ct)),
        ("PUT", ApiRoutes.Unit, (a, r, v, ct) => a.Function<SetUnitParent>().RunAsync(r, V(v, "unitId"), ct)),
        ("GET", ApiRoutes.Rollup, (a, r, v, ct) => a.Function<GetUnitRollup>().RunAsync(r, V(v, "unitId"), ct)),
        ("POST", ApiRoutes.Statements, (a, r, v, ct) => a.Function<UploadStatement>().RunAsync(r, V(v, "unitId"), ct)),
        ("GET", ApiRoutes.Statements, (a, r, v, ct) => a.Function<ListStatements>().RunAsync(r, V(v, "unitId"), ct)),
        ("GET", ApiRoutes.Statement, (a, r, v, ct) => a.Function<GetStatement>().RunAsync(r, V(v, "unitId"), V(v, "statementId"), ct)),
        ("GET", ApiRoutes.Summary, (a, r, v, ct) => a.Function<GetUnitSummary>().RunAsync(r, V(v, "unitId"), ct)),
        ("GET", ApiRoutes.Rectifications, (a, r, v, ct) => a.Function<GetRectifications>().RunAsync(r, V(v, "unitId"), ct)),
        ("GET", ApiRoutes.Rectification, (a, r, v, ct) => a.Function<GetRectification>().RunAsync(r, V(v, "unitId"), V(v, "rowId"), ct)),
        ("PATCH", ApiRoutes.Rectification, (a, r, v, ct) => a.Function<UpdateRectification>().RunAsync(r, V(v, "unitId"), V(v, "rowId"), ct)),
        ("GET", ApiRoutes.Evidence, (a, r, v, ct) => a.Function<ListEvidence>().RunAsync(r, V(v, "unitId"), V(v, "rowId"), ct)),
        ("POST", ApiRoutes.Evidence, (a, r, v, ct) => a.Function<UploadEvidence>().RunAsync(r, V(v, "unitId"), V(v, "rowId"), ct)),
        ("GET", ApiRoutes.EvidenceFile, (a, r, v, ct) => a.Function<GetEvidence>().RunAsync(r, V(v, "unitId"), V(v, "rowId"), V(v, "name"), ct)),
        ("GET", ApiRoutes.TrackingDue, (a, r, v, ct) => a.Function<GetDueRectifications>().RunAsync(r, V(v, "unitId"), ct)),
        ("GET", ApiRoutes.TrackingRates, (a, r, v, ct) => a.Function<GetCompletionRates>().RunAsync(r, V(v, "unitId"), ct)),
        ("POST", ApiRoutes.TrackingImport, (a, r, v, ct) => a.Function<ImportRectifications>().RunAsync(r, V(v, "unitId"), ct)),
        ("GET", ApiRoutes.Reports, (a, r, v, ct) => a.Function<ListReports>().RunAsync(r, V(v, "unitId"), ct)),
        ("GET", ApiRoutes.Report, (a, r, v, ct) => a.Function<GetReport>().RunAsync(r, V(v, "unitId"), V(v, "name"), ct)),
        ("GET", ApiRoutes.Roster, (a, r, v, ct) => a.Function<GetRoster>().RunAsync(r, V(v, "unitId"), ct)),
        ("PUT", ApiRoutes.Roster, (a, r, v, ct) => a.Function<ImportRoster>().RunAsync(r, V(v, "unitId"), ct)),
        ("PUT", ApiRoutes.RosterOwner, (a, r, v, ct) => a.Function<SetRosterOwner>().RunAsync(r, V(v, "unitId"), V(v, "statementId"), ct)),
        ("PUT", ApiRoutes.LastYear, (a, r, v, ct) => a.Function<ImportLastYear>().RunAsync(r, V(v, "unitId"), ct)),
    ];

    public IStatementStore Store => app.Store;

    public async Task<ApiResponse> SendAsync(string method, string pathAndQuery, byte[]? body = null, IReadOnlyDictionary<string, string>? headers = null, bool announceLength = true)
    {
        var queryAt = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(queryAt < 0 ? pathAndQuery : pathAndQuery[..queryAt]);
        foreach (var (routeMethod, route, run) in Routes)
        {
            var values = new RouteValueDictionary();
            if (routeMethod == method && new TemplateMatcher(TemplateParser.Parse(ApiRoutes.Prefix + "/" + route), []).TryMatch(path, values))
            {
                return await app.HttpAsync(method, pathAndQuery, (r, ct) => run(app, r, values, ct), body, headers, announceLength ? body?.Length : null);
            }
        }

        throw new InvalidOperationException($"no function for {method} {path}");
    }

    public async Task ProcessAsync(string unitId)
    {
        var records = (await Store.ListRecordsAsync(unitId)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var upload in (await Store.ListUploadsAsync(unitId)).Where(u => u.Sha256 is null || !records.Contains(u.Sha256)))
        {
            await app.PublishBlobCreatedAsync(unitId, upload.Name);
        }

        await app.ProcessStatementEventsAsync();
        await app.ProcessConsolidationsAsync();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static string V(RouteValueDictionary values, string name) => values[name]?.ToString() ?? "";
}
