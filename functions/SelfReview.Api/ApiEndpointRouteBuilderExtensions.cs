using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SelfReview.Api.Access;

namespace SelfReview.Api;

/// <summary>
/// The API as minimal-API routes under <c>/api</c> and the web page at <c>/</c>, for a Kestrel host
/// (<c>selfreview serve</c>). Each route is the same endpoint method the Functions app's HTTP trigger calls.
/// </summary>
public static class ApiEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapSelfReviewApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/" + ApiRoutes.Prefix);
        api.MapGet(ApiRoutes.Health, UnitEndpoints.Health);
        api.MapGet(ApiRoutes.Units, (UnitEndpoints e, HttpRequest r, CancellationToken ct) => e.ListAsync(r, ct));
        api.MapGet(ApiRoutes.Unit, (UnitEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.GetAsync(r, unitId, ct));
        api.MapPut(ApiRoutes.Unit, (UnitEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.PutAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Rollup, (UnitEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.RollupAsync(r, unitId, ct));
        api.MapPost(ApiRoutes.Statements, (StatementEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.UploadAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Statements, (StatementEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.ListAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Statement, (StatementEndpoints e, HttpRequest r, string unitId, string statementId, CancellationToken ct) => e.GetAsync(r, unitId, statementId, ct));
        api.MapGet(ApiRoutes.Summary, (ReportEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.SummaryAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Rectifications, (ReportEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.RectificationsAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Rectification, (TrackingEndpoints e, HttpRequest r, string unitId, string rowId, CancellationToken ct) => e.GetRowAsync(r, unitId, rowId, ct));
        api.MapPatch(ApiRoutes.Rectification, (TrackingEndpoints e, HttpRequest r, string unitId, string rowId, CancellationToken ct) => e.PatchRowAsync(r, unitId, rowId, ct));
        api.MapGet(ApiRoutes.Evidence, (TrackingEndpoints e, HttpRequest r, string unitId, string rowId, CancellationToken ct) => e.ListEvidenceAsync(r, unitId, rowId, ct));
        api.MapPost(ApiRoutes.Evidence, (TrackingEndpoints e, HttpRequest r, string unitId, string rowId, CancellationToken ct) => e.UploadEvidenceAsync(r, unitId, rowId, ct));
        api.MapGet(ApiRoutes.EvidenceFile, (TrackingEndpoints e, HttpRequest r, string unitId, string rowId, string name, CancellationToken ct) => e.GetEvidenceAsync(r, unitId, rowId, name, ct));
        api.MapGet(ApiRoutes.TrackingDue, (TrackingEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.DueAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.TrackingRates, (TrackingEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.RatesAsync(r, unitId, ct));
        api.MapPost(ApiRoutes.TrackingImport, (TrackingEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.ImportAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Reports, (ReportEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.ListAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Report, (ReportEndpoints e, HttpRequest r, string unitId, string name, CancellationToken ct) => e.FileAsync(r, unitId, name, ct));
        api.MapGet(ApiRoutes.Audit, (AccessEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.AuditAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Roster, (Roster.RosterEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.GetAsync(r, unitId, ct));
        api.MapPut(ApiRoutes.Roster, (Roster.RosterEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.PutAsync(r, unitId, ct));
        api.MapPut(ApiRoutes.RosterOwner, (Roster.RosterEndpoints e, HttpRequest r, string unitId, string statementId, CancellationToken ct) => e.PutOwnerAsync(r, unitId, statementId, ct));
        api.MapPut(ApiRoutes.LastYear, (Roster.RosterEndpoints e, HttpRequest r, string unitId, CancellationToken ct) => e.PutLastYearAsync(r, unitId, ct));
        api.MapGet(ApiRoutes.Access, (AccessEndpoints e, HttpRequest r, CancellationToken ct) => e.GetAsync(r, ct));
        api.MapPut(ApiRoutes.AccessGrant, (AccessEndpoints e, HttpRequest r, string principal, CancellationToken ct) => e.PutGrantAsync(r, principal, ct));
        api.MapDelete(ApiRoutes.AccessGrant, (AccessEndpoints e, HttpRequest r, string principal, CancellationToken ct) => e.DeleteGrantAsync(r, principal, ct));
        api.MapGet(ApiRoutes.Session, (SessionEndpoints e, HttpRequest r, CancellationToken ct) => e.GetAsync(r, ct));
        api.MapPost(ApiRoutes.Session, (SessionEndpoints e, HttpRequest r, CancellationToken ct) => e.SignInAsync(r, ct));
        api.MapDelete(ApiRoutes.Session, (HttpRequest r) => SessionEndpoints.SignOutAsync(r));
        routes.MapGet("/", (HttpContext c) => WebPage.Get(c, null));
        routes.MapGet("/{file}", (HttpContext c, string file) => WebPage.Get(c, file));
        return routes;
    }
}
