using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace SelfReview.Api;

/// <summary>
/// The web page's files (wwwroot, embedded in this assembly, so every host and the single-file CLI carry
/// them): plain HTML, CSS and JavaScript calling the API under <c>/api</c>. Served with <c>no-cache</c>,
/// so a new version is picked up on the next load.
/// </summary>
public static class WebPage
{
    private const string ResourcePrefix = "SelfReview.Web.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, byte[]> Files = Load();

    /// <summary>The names of the page's files (index.html, app.js, app.css …).</summary>
    public static IReadOnlyCollection<string> Names => Files.Keys;

    /// <summary>The file at <paramref name="path"/> (index.html for an empty path), or 404.</summary>
    public static IResult Get(HttpContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Files.TryGetValue(name, out var content))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return TypedResults.Bytes(content, ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"));
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(WebPage).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[resource[ResourcePrefix.Length..]] = buffer.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
