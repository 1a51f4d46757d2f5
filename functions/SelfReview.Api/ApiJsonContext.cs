using System.Text.Json.Serialization;

namespace SelfReview.Api;

/// <summary>The source-generated serializer metadata of the API's own responses (records and reports are contracts).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(StatementStatus))]
[JsonSerializable(typeof(StatementList))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ReportList))]
[JsonSerializable(typeof(UnitList))]
[JsonSerializable(typeof(TrackingPatch))]
[JsonSerializable(typeof(UnitParentRequest))]
[JsonSerializable(typeof(SelfReview.Api.Access.AccessView))]
[JsonSerializable(typeof(SelfReview.Api.Access.AuditTrail))]
[JsonSerializable(typeof(SelfReview.Api.Access.GrantRequest))]
[JsonSerializable(typeof(SelfReview.Api.Access.SessionInfo))]
[JsonSerializable(typeof(SelfReview.Api.Access.SignInRequest))]
[JsonSerializable(typeof(SelfReview.Pipeline.Access.AccessGrant))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
