namespace SelfReview.Api;

/// <summary>
/// The API's routes, relative to <c>/api</c> (the Functions host's route prefix; <c>selfreview serve</c>
/// maps them under the same prefix). Both hosts take these constants, so the routes cannot drift apart.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Health = "health";
    public const string Units = "units";
    public const string Unit = "units/{unitId}";
    public const string Rollup = "units/{unitId}/rollup";
    public const string Statements = "units/{unitId}/statements";
    public const string Statement = "units/{unitId}/statements/{statementId}";
    public const string Summary = "units/{unitId}/summary";
    public const string Rectifications = "units/{unitId}/rectifications";
    public const string Rectification = "units/{unitId}/rectifications/{rowId}";
    public const string Evidence = "units/{unitId}/rectifications/{rowId}/evidence";
    public const string EvidenceFile = "units/{unitId}/rectifications/{rowId}/evidence/{name}";
    public const string TrackingDue = "units/{unitId}/tracking/due";
    public const string TrackingRates = "units/{unitId}/tracking/rates";
    public const string TrackingImport = "units/{unitId}/tracking/import";
    public const string Reports = "units/{unitId}/reports";
    public const string Report = "units/{unitId}/reports/{name}";
    public const string Audit = "units/{unitId}/audit";
    public const string Roster = "units/{unitId}/roster";
    public const string RosterOwner = "units/{unitId}/roster/owners/{statementId}";
    public const string LastYear = "units/{unitId}/last-year";
    public const string Session = "session";
    public const string Access = "access";
    public const string AccessGrant = "access/grants/{principal}";

    /// <summary>The web page's files (the page itself at <c>/</c> on serve, at <c>/api/web/</c> on the Functions app).</summary>
    public const string Web = "web/{*path}";
}
