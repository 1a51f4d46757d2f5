using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SelfReview.Api;

/// <summary>Serialization of API responses: readable Chinese (file names, reasons), camelCase, string enums.</summary>
public static class ApiJson
{
    private static readonly ApiJsonContext Context = new(new JsonSerializerOptions(ApiJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public const string ContentType = "application/json; charset=utf-8";

    public static JsonTypeInfo<StatementStatus> StatementStatus => Context.StatementStatus;
    public static JsonTypeInfo<StatementList> StatementList => Context.StatementList;
    public static JsonTypeInfo<HealthReport> HealthReport => Context.HealthReport;
    public static JsonTypeInfo<ReportList> ReportList => Context.ReportList;
    public static JsonTypeInfo<UnitList> UnitList => Context.UnitList;
    public static JsonTypeInfo<TrackingPatch> TrackingPatch => Context.TrackingPatch;
    public static JsonTypeInfo<UnitParentRequest> UnitParentRequest => Context.UnitParentRequest;
    public static JsonTypeInfo<Access.AccessView> AccessView => Context.AccessView;
    public static JsonTypeInfo<Access.AuditTrail> AuditTrail => Context.AuditTrail;
    public static JsonTypeInfo<Access.GrantRequest> GrantRequest => Context.GrantRequest;
    public static JsonTypeInfo<Access.SessionInfo> SessionInfo => Context.SessionInfo;
    public static JsonTypeInfo<Access.SignInRequest> SignInRequest => Context.SignInRequest;
    public static JsonTypeInfo<Pipeline.Access.AccessGrant> AccessGrant => Context.AccessGrant;
}
