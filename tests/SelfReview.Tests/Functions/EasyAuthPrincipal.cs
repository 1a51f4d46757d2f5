using System.Text;
using System.Text.Json;

namespace SelfReview.Tests.Functions;

/// <summary>The X-MS-CLIENT-PRINCIPAL header App Service authentication sends the worker, in its documented shape.</summary>
public static class EasyAuthPrincipal
{
    public static string Header(string objectId, IEnumerable<string>? roles = null, IEnumerable<string>? groups = null)
    {
        var claims = new List<Dictionary<string, string>>
        {
            new() { ["typ"] = "http://schemas.microsoft.com/identity/claims/objectidentifier", ["val"] = objectId },
            new() { ["typ"] = "name", ["val"] = "测试用户" },
        };
        claims.AddRange((roles ?? []).Select(r => new Dictionary<string, string> { ["typ"] = "roles", ["val"] = r }));
        claims.AddRange((groups ?? []).Select(g => new Dictionary<string, string> { ["typ"] = "groups", ["val"] = g }));
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["auth_typ"] = "aad",
            ["claims"] = claims,
            ["name_typ"] = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            ["role_typ"] = "roles",
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
