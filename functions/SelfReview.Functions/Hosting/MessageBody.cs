using System.Text;

namespace SelfReview.Functions.Hosting;

/// <summary>
/// The JSON inside a queue message, whether it was written as is or base64-encoded. Event Grid's
/// storage-queue delivery and other writers differ here, so host.json sets <c>messageEncoding: none</c>
/// and the functions accept both.
/// </summary>
public static class MessageBody
{
    /// <summary>The message's JSON text, or null when it is neither JSON nor base64 of JSON.</summary>
    public static string? JsonText(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = Encoding.UTF8.GetString(body.ToMemory().Span).Trim().TrimStart('\uFEFF');
        if (LooksLikeJson(text))
        {
            return text;
        }

        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(buffer, 0, written).Trim().TrimStart('\uFEFF');
        return LooksLikeJson(decoded) ? decoded : null;
    }

    private static bool LooksLikeJson(string text) => text.StartsWith('{') || text.StartsWith('[');
}
