using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SelfReview.Api.Telemetry;

/// <summary>
/// What telemetry may say about a request or a storage call: the route and the unit, never a file name, a
/// person's name or a statement's text. URLs keep scheme, host and the path up to the unit (and the kind of
/// thing under it); every segment after that (a blob name <c>statements/{unit}/{name}</c>, a report name, a
/// principal) becomes <c>h-</c> and the first 12 hex digits of the SHA-256 of its unescaped text, so one
/// file can still be followed through a trace without being named. Query values are dropped (keys stay:
/// <c>?fileName=…</c>), and so is every run of non-ASCII text in free text — the API's own messages are
/// English, so anything else in them came from a statement.
/// </summary>
public static partial class TelemetryRedactor
{
    /// <summary>What stands in for a query value or an exception message.</summary>
    public const string Redacted = "REDACTED";

    // The storage layout's containers (StorageLayout, architecture.md) and the API's "units/{unitId}".
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase) { "statements", "records", "reports", "tracking", "access" };

    /// <summary>The hash that stands for <paramref name="value"/> (the same in a query, a path and a blob name).</summary>
    public static string Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return "h-" + Convert.ToHexStringLower(digest[..6]);
    }

    /// <summary>A URL, a path or a bare query (<c>?a=b</c>) with names hashed and query values dropped.</summary>
    public static string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fragmentAt = url.IndexOf('#', StringComparison.Ordinal);
        if (fragmentAt >= 0)
        {
            url = url[..fragmentAt];
        }

        var queryAt = url.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? "" : RedactQuery(url[(queryAt + 1)..]);
        var beforeQuery = queryAt < 0 ? url : url[..queryAt];
        var schemeAt = beforeQuery.IndexOf("://", StringComparison.Ordinal);
        var pathAt = schemeAt < 0 ? 0 : beforeQuery.IndexOf('/', schemeAt + 3);
        if (pathAt < 0)
        {
            return beforeQuery + query;
        }

        return beforeQuery[..pathAt] + RedactPath(beforeQuery[pathAt..]) + query;
    }

    /// <summary>Free text (a log message, a span name, a tag): URLs and paths in it redacted, runs of non-ASCII text hashed.</summary>
    public static string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        if (text[0] is '/' or '?' && !text.Contains(' ', StringComparison.Ordinal))
        {
            return RedactUrl(text);
        }

        var redacted = UrlPattern().Replace(text, m => RedactUrl(m.Value));
        return NonAsciiPattern().Replace(redacted, m => "[" + Hash(m.Value) + "]");
    }

    /// <summary>
    /// An exception's text (<c>Exception.ToString()</c>, or an <c>exception.stacktrace</c> tag) with every
    /// message dropped: the type names and the stack frames stay, which is what a failure is diagnosed by.
    /// </summary>
    public static string RedactExceptionText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var kept = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            string? keep = trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("--- End of", StringComparison.Ordinal)
                ? RedactText(line)
                : TypeOf(trimmed);
            if (keep is not null)
            {
                kept.Append(keep).Append('\n');
            }
        }

        return kept.ToString().TrimEnd('\n');
    }

    private static string? TypeOf(string line)
    {
        // "System.IO.IOException: message" or " ---> Azure.RequestFailedException: message"
        var inner = line.StartsWith("--->", StringComparison.Ordinal);
        var body = inner ? line[4..].TrimStart() : line;
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var type = colon < 0 ? body : body[..colon];
        if (type.Length == 0 || !TypeNamePattern().IsMatch(type))
        {
            return null;
        }

        return (inner ? " ---> " : "") + type + ": " + Redacted;
    }

    private static string RedactQuery(string query)
    {
        if (query.Length == 0)
        {
            return "?";
        }

        var parts = query.Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? parts[i] : parts[i][..equals];
            parts[i] = KeyPattern().IsMatch(key) ? key + "=" + Redacted : Redacted;
        }

        return "?" + string.Join('&', parts);
    }

    private static string RedactPath(string path)
    {
        var segments = path.Split('/');
        var anchor = -1;
        var keepAfterUnit = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            if (string.Equals(segments[i], "units", StringComparison.OrdinalIgnoreCase))
            {
                // /api/units/{unitId}/{kind}/{…}: the unit and the kind stay.
                (anchor, keepAfterUnit) = (i, 1);
                break;
            }

            if (Containers.Contains(segments[i]))
            {
                // /{container}/{unitId}/{name…} (Blob Storage, the folder store, /api/access/grants/{principal}).
                anchor = i;
                break;
            }
        }

        var hashFrom = anchor < 0 ? segments.Length : anchor + 2 + keepAfterUnit;
        if (anchor >= 0 && keepAfterUnit == 1 && anchor + 2 < segments.Length && !KindPattern().IsMatch(segments[anchor + 2]))
        {
            hashFrom = anchor + 2;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0 || (i < hashFrom && IsPlain(segment)) || IsIdentifier(segment))
            {
                continue;
            }

            segments[i] = Hash(Unescape(segment));
        }

        return string.Join('/', segments);
    }

    // A segment of ASCII letters, digits and -_. (a unit id, a route word) carries nothing of a person.
    private static bool IsPlain(string segment) => PlainPattern().IsMatch(segment);

    // A statement id (SHA-256), a record's blob name ({sha}.json), a route template ({name}), a hash already made.
    private static bool IsIdentifier(string segment) => IdentifierPattern().IsMatch(segment);

    private static string Unescape(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }

    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s""'<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[^\u0000-\u007F]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonAsciiPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainPattern();

    [GeneratedRegex(@"^([0-9a-f]{64}(\.json)?|\{[A-Za-z*]+\}|h-[0-9a-f]{12})$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^[a-z][a-z\-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.`+<>\[\],]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeNamePattern();

}
