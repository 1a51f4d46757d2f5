using System.Text;
using System.Text.Json;

namespace SelfReview.Api.Access;

/// <summary>
/// App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 of
/// <c>{"auth_typ":…,"claims":[{"typ":…,"val":…}],"name_typ":…,"role_typ":…}</c>
/// (learn.microsoft.com/azure/app-service/configure-authentication-user-identities). No library parses it
/// for the isolated worker, so this reads the few fields the access check needs.
/// </summary>
public sealed record ClientPrincipal(string AuthType, IReadOnlyList<(string Type, string Value)> Claims, string RoleType)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The Entra object id of the user or service principal (<c>oid</c>).</summary>
    public string? ObjectId => Value(ObjectIdClaim) ?? Value("oid");

    public IEnumerable<string> Groups => Values("groups");

    public IEnumerable<string> Roles => Values(RoleType).Concat(Values("roles")).Distinct(StringComparer.Ordinal);

    public static ClientPrincipal? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = json.RootElement;
            var claims = root.TryGetProperty("claims", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray()
                    .Where(c => c.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String && c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String)
                    .Select(c => (c.GetProperty("typ").GetString()!, c.GetProperty("val").GetString()!)).ToList()
                : [];
            return new ClientPrincipal(
                Text(root, "auth_typ") ?? "",
                claims,
                Text(root, "role_typ") ?? "http://schemas.microsoft.com/ws/2008/06/identity/claims/role");
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private string? Value(string type) => Claims.Where(c => c.Type == type).Select(c => c.Value).FirstOrDefault();

    private IEnumerable<string> Values(string type) => Claims.Where(c => c.Type == type).Select(c => c.Value);
}
