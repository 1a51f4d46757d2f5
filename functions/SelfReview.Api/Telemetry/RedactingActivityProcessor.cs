using System.Diagnostics;
using OpenTelemetry;

namespace SelfReview.Api.Telemetry;

/// <summary>
/// Runs before every exporter (it is added first) and rewrites what a finished span says: its name, every
/// string tag (<c>url.full</c>, <c>url.path</c>, <c>url.query</c>, <c>http.url</c>, <c>az.*</c> …), the status
/// description and the <c>exception</c> events, through <see cref="TelemetryRedactor"/>. Storage calls carry the
/// blob name in their URL (<c>statements/{unit}/{fileName}</c>), uploads may carry <c>?fileName=</c>, and an
/// exception message may quote either.
/// </summary>
public sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = TelemetryRedactor.RedactText(data.DisplayName);
        List<KeyValuePair<string, string>>? changed = null;
        foreach (var (key, value) in data.TagObjects)
        {
            if (value is string text && Redact(key, text) is var redacted && !string.Equals(redacted, text, StringComparison.Ordinal))
            {
                (changed ??= []).Add(new(key, redacted));
            }
        }

        foreach (var (key, value) in changed ?? [])
        {
            data.SetTag(key, value);
        }

        if (data.StatusDescription is not null)
        {
            // Azure.Core and the instrumentations put the exception's message here.
            data.SetStatus(data.Status, TelemetryRedactor.Redacted);
        }

        foreach (var activityEvent in data.EnumerateEvents())
        {
            // ActivityEvent is immutable, but the tags of an event made by Activity.AddException (and the
            // instrumentations' RecordException) are an ActivityTagsCollection, which is not.
            if (activityEvent.Tags is ActivityTagsCollection tags)
            {
                foreach (var (key, value) in tags.ToList())
                {
                    if (value is string text)
                    {
                        tags[key] = Redact(key, text);
                    }
                }
            }
        }
    }

    private static string Redact(string key, string value) => key switch
    {
        "exception.message" => TelemetryRedactor.Redacted,
        "exception.stacktrace" => TelemetryRedactor.RedactExceptionText(value),
        _ => TelemetryRedactor.RedactText(value),
    };
}
