using System.Text;
using SelfReview.Api;

namespace SelfReview.Tests.Access;

/// <summary>
/// Every API route (by its <see cref="ApiRoutes"/> template) with what it needs, and the answer each caller
/// must get: health for all; 401 without or with a wrong credential; 403 for another unit, or for a right
/// too low (a read-only caller changing anything, anyone but an administrator on the audit and the map).
/// </summary>
public static class AccessMatrix
{
    public const string StatementId = "0000000000000000000000000000000000000000000000000000000000000000";

    public const string RowId = "r000000000000";

    /// <summary>(route template, method, need, path, body). Paths use <c>{unit}</c> for the host's unit.</summary>
    public static IReadOnlyList<(string Route, string Method, RouteNeed Need, string Path, byte[]? Body)> Routes { get; } =
    [
        (ApiRoutes.Health, "GET", RouteNeed.Nothing, "/api/health", null),
        (ApiRoutes.Units, "GET", RouteNeed.SignedIn, "/api/units", null),
        (ApiRoutes.Session, "GET", RouteNeed.SignedIn, "/api/session", null),
        (ApiRoutes.Unit, "GET", RouteNeed.Read, "/api/units/{unit}", null),
        (ApiRoutes.Unit, "PUT", RouteNeed.Edit, "/api/units/{unit}", Encoding.UTF8.GetBytes("""{"parent":"matrix-parent"}""")),
        (ApiRoutes.Rollup, "GET", RouteNeed.Read, "/api/units/{unit}/rollup?format=xlsx", null),
        (ApiRoutes.Statements, "POST", RouteNeed.Edit, "/api/units/{unit}/statements?fileName=matrix.txt", Encoding.UTF8.GetBytes("一、存在的问题\n（一）理论学习不够深入。\n")),
        (ApiRoutes.Statements, "GET", RouteNeed.Read, "/api/units/{unit}/statements", null),
        (ApiRoutes.Statement, "GET", RouteNeed.Read, "/api/units/{unit}/statements/" + StatementId, null),
        (ApiRoutes.Summary, "GET", RouteNeed.Read, "/api/units/{unit}/summary", null),
        (ApiRoutes.Rectifications, "GET", RouteNeed.Read, "/api/units/{unit}/rectifications?format=xlsx", null),
        (ApiRoutes.Rectification, "GET", RouteNeed.Read, "/api/units/{unit}/rectifications/" + RowId, null),
        (ApiRoutes.Rectification, "PATCH", RouteNeed.Edit, "/api/units/{unit}/rectifications/" + RowId, Encoding.UTF8.GetBytes("""{"status":"推进中"}""")),
        (ApiRoutes.Evidence, "GET", RouteNeed.Read, "/api/units/{unit}/rectifications/" + RowId + "/evidence", null),
        (ApiRoutes.Evidence, "POST", RouteNeed.Edit, "/api/units/{unit}/rectifications/" + RowId + "/evidence?fileName=matrix.txt", Encoding.UTF8.GetBytes("会议记录")),
        (ApiRoutes.EvidenceFile, "GET", RouteNeed.Read, "/api/units/{unit}/rectifications/" + RowId + "/evidence/matrix.txt", null),
        (ApiRoutes.TrackingDue, "GET", RouteNeed.Read, "/api/units/{unit}/tracking/due?days=7", null),
        (ApiRoutes.TrackingRates, "GET", RouteNeed.Read, "/api/units/{unit}/tracking/rates", null),
        (ApiRoutes.TrackingImport, "POST", RouteNeed.Edit, "/api/units/{unit}/tracking/import", Encoding.UTF8.GetBytes("not a workbook")),
        (ApiRoutes.Reports, "GET", RouteNeed.Read, "/api/units/{unit}/reports", null),
        (ApiRoutes.Report, "GET", RouteNeed.Read, "/api/units/{unit}/reports/summary.json", null),
        (ApiRoutes.Audit, "GET", RouteNeed.UnitAdministrator, "/api/units/{unit}/audit", null),
        (ApiRoutes.Roster, "GET", RouteNeed.Read, "/api/units/{unit}/roster", null),
        (ApiRoutes.Roster, "PUT", RouteNeed.Edit, "/api/units/{unit}/roster?fileName=matrix.csv", Encoding.UTF8.GetBytes("姓名,职务,分管领域\n张三,局长,全面工作\n")),
        (ApiRoutes.RosterOwner, "PUT", RouteNeed.Edit, "/api/units/{unit}/roster/owners/" + StatementId, Encoding.UTF8.GetBytes("""{"person":"张三"}""")),
        (ApiRoutes.LastYear, "PUT", RouteNeed.Edit, "/api/units/{unit}/last-year?fileName=last.csv", Encoding.UTF8.GetBytes("序号,问题表现,完成情况\n1,理论学习不够深入,已完成\n")),
        (ApiRoutes.Access, "GET", RouteNeed.Administrator, "/api/access", null),
        (ApiRoutes.AccessGrant, "PUT", RouteNeed.Administrator, "/api/access/grants/user:matrix-extra", Encoding.UTF8.GetBytes("""{"units":["{unit}"],"right":"read"}""")),
        (ApiRoutes.AccessGrant, "DELETE", RouteNeed.Administrator, "/api/access/grants/user:matrix-extra", null),
    ];

    /// <summary>401, 403, or null where the caller must get through (any other status: 200, 202, 204, 404 …).</summary>
    public static int? Expected(CallerKind caller, RouteNeed need) => (caller, need) switch
    {
        (_, RouteNeed.Nothing) => null,
        (CallerKind.Anonymous or CallerKind.WrongCredential, _) => 401,
        (_, RouteNeed.SignedIn) => null,
        (CallerKind.Admin, _) => null,
        (CallerKind.OtherUnit, _) => 403,
        (CallerKind.ReadOnly, RouteNeed.Read) => null,
        (CallerKind.Edit, RouteNeed.Read or RouteNeed.Edit) => null,
        _ => 403,
    };

    /// <summary>Runs every route for every caller against the host; returns each cell that answered wrongly.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IApiHost host)
    {
        var wrong = new List<string>();
        foreach (var caller in Enum.GetValues<CallerKind>())
        {
            foreach (var (_, method, need, path, body) in Routes)
            {
                var headers = new Dictionary<string, string>(host.HeadersOf(caller));
                if (method != "GET")
                {
                    headers[global::SelfReview.Api.Access.ApiAccess.RequestHeader] = "1";
                }

                var concrete = body is null ? null : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("{unit}", host.Unit, StringComparison.Ordinal));
                var (status, _) = await host.SendAsync(method, path.Replace("{unit}", host.Unit, StringComparison.Ordinal), headers, concrete);
                var expected = Expected(caller, need);
                if (expected is { } e ? status != e : status is 401 or 403 or >= 500)
                {
                    wrong.Add($"{caller} {method} {path}: {status}, expected {(expected is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "through")}");
                }
            }
        }

        return wrong;
    }
}
