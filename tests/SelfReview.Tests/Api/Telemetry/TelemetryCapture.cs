using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace SelfReview.Tests.Api.Telemetry;

/// <summary>
/// What a host's telemetry exports: spans through OpenTelemetry's in-memory exporter, and every log record as
/// an exporter receives it (a processor after the app's redaction writes down its text, since log records are
/// pooled and reused once exported).
/// </summary>
public sealed class TelemetryCapture
{
    private readonly ConcurrentQueue<string> _logs = new();

    private readonly LockedSpans _spans = new();

    public IReadOnlyCollection<string> Logs => _logs;

    /// <summary>Adds the exporters to a host's OpenTelemetry builder (after the app's own processors).</summary>
    public void Export(IOpenTelemetryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithTracing(t => t.AddInMemoryExporter(_spans));
        builder.WithLogging(l => l.AddProcessor(new LogText(_logs)));
    }

    /// <summary>Everything a span says: its name, source, tags, status, events with their tags, baggage.</summary>
    public static string TextOf(Activity span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var text = new System.Text.StringBuilder();
        text.Append(span.Source.Name).Append(' ').Append(span.DisplayName).Append(' ').Append(span.OperationName).Append(' ').Append(span.StatusDescription);
        foreach (var (key, value) in span.TagObjects)
        {
            text.Append(' ').Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        foreach (var e in span.Events)
        {
            text.Append(' ').Append(e.Name);
            foreach (var (key, value) in e.Tags)
            {
                text.Append(' ').Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        foreach (var (key, value) in span.Baggage)
        {
            text.Append(' ').Append(key).Append('=').Append(value);
        }

        return text.ToString();
    }

    /// <summary>Every span's text, taken under the exporter's collection (spans of other tests may still be ending).</summary>
    public List<string> SpanTexts() => [.. Spans().Select(TextOf)];

    /// <summary>The spans exported so far.</summary>
    public List<Activity> Spans() => _spans.Snapshot();

    private sealed class LockedSpans : System.Collections.ObjectModel.Collection<Activity>
    {
        private readonly Lock _gate = new();

        public List<Activity> Snapshot()
        {
            lock (_gate)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }
    }

    private sealed class LogText(ConcurrentQueue<string> logs) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            var attributes = data.Attributes is null ? "" : string.Join(" ", data.Attributes.Select(a => $"{a.Key}={Convert.ToString(a.Value, CultureInfo.InvariantCulture)}"));
            logs.Enqueue($"{data.CategoryName} {data.LogLevel} {data.EventId} {data.FormattedMessage} {data.Body} {attributes} {data.Exception}");
        }
    }
}
