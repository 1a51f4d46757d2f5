using OpenTelemetry;
using OpenTelemetry.Logs;

namespace SelfReview.Api.Telemetry;

/// <summary>
/// Runs before every log exporter: the formatted message, the body and every string attribute through
/// <see cref="TelemetryRedactor.RedactText"/>, and the exception replaced by a <see cref="RedactedException"/>
/// (type and stack, no message). The app's own log lines hold ids and counts only; this catches what libraries
/// log (a request URL with a blob name, an exception quoting one).
/// </summary>
public sealed class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    /// <inheritdoc />
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FormattedMessage is { } message)
        {
            data.FormattedMessage = TelemetryRedactor.RedactText(message);
        }

        if (data.Body is { } body)
        {
            data.Body = TelemetryRedactor.RedactText(body);
        }

        if (data.Attributes is { Count: > 0 } attributes)
        {
            var redacted = new List<KeyValuePair<string, object?>>(attributes.Count);
            foreach (var (key, value) in attributes)
            {
                redacted.Add(new(key, value switch
                {
                    string text => TelemetryRedactor.RedactText(text),
                    Exception e => RedactedException.Of(e).Message,
                    null or bool or int or long or double or float or decimal or Guid or DateTime or DateTimeOffset or TimeSpan or Enum => value,
                    _ => TelemetryRedactor.RedactText(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                }));
            }

            data.Attributes = redacted;
        }

        if (data.Exception is { } exception)
        {
            data.Exception = RedactedException.Of(exception);
        }
    }
}
