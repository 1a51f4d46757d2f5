using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Functions.Consolidation;

/// <summary>
/// Asks for a unit to be consolidated: a message on <c>unit-consolidation</c>, invisible for
/// <see cref="ConsolidationOptions.DelaySeconds"/>, so that the uploads of a burst are all recorded by
/// the time it runs (and later requests of the burst find the reports up to date).
/// <para>
/// Requests of one unit made shortly after a message was sent are covered by that message and send
/// none of their own: every event is delivered at least once (Event Grid delivered each upload's three
/// times in the load test), and a burst of uploads made one message per delivery, each answered by a
/// read of the unit's state — 800 messages for 300 uploads, which drained for minutes after the last
/// record. A message sent at <c>t</c> is run no earlier than <c>t + delay</c>, and answered without a run
/// only by reports listed later than its insertion plus <see cref="UnitReportPublisher.ClockSkewMargin"/>;
/// so it covers every record written before <c>t + min(delay, margin) − skew</c>. The window is that
/// minus <see cref="SkewAllowance"/>, counted from the moment the send started, and only a message whose
/// send succeeded covers anything: a caller is answered only once a message that covers it is on the
/// queue, so a worker that dies loses no request.
/// </para>
/// </summary>
public sealed class ConsolidationScheduler(QueueServiceClient queues, IOptions<ConsolidationOptions> options, TimeProvider time) : IConsolidationScheduler
{
    /// <summary>What is kept of the clock skew between this worker and the queue service inside the window.</summary>
    public static readonly TimeSpan SkewAllowance = TimeSpan.FromSeconds(2);

    private readonly QueueClient _queue = queues.GetQueueClient(QueueNames.UnitConsolidation);
    private readonly Dictionary<string, Sent> _sent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long after a send started later requests of the unit are covered by it (zero: never).</summary>
    public TimeSpan CoalescingWindow
    {
        get
        {
            var delay = TimeSpan.FromSeconds(options.Value.DelaySeconds);
            var window = (delay < UnitReportPublisher.ClockSkewMargin ? delay : UnitReportPublisher.ClockSkewMargin) - SkewAllowance;
            return window > TimeSpan.Zero ? window : TimeSpan.Zero;
        }
    }

    public async Task RequestAsync(string unitId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitId);
        var window = CoalescingWindow;
        while (true)
        {
            var now = time.GetUtcNow();
            Sent? covering = null;
            Sent? mine = null;
            lock (_lock)
            {
                if (window > TimeSpan.Zero && _sent.TryGetValue(unitId, out var last) && now < last.StartedAt + window)
                {
                    covering = last;
                }
                else
                {
                    mine = new Sent(now);
                    if (window > TimeSpan.Zero)
                    {
                        Prune(now - window);
                        _sent[unitId] = mine;
                    }
                }
            }

            if (mine is not null)
            {
                try
                {
                    await SendAsync(unitId, cancellationToken);
                    mine.Done.TrySetResult(true);
                    return;
                }
                catch
                {
                    // Requests waiting on this send make their own; the caller's run fails and is retried.
                    Forget(unitId, mine);
                    mine.Done.TrySetResult(false);
                    throw;
                }
            }

            // A send in flight covers this request only once it succeeded; when it failed, try again.
            if (await covering!.Done.Task.WaitAsync(cancellationToken))
            {
                return;
            }
        }
    }

    private async Task SendAsync(string unitId, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(options.Value.DelaySeconds);
        await _queue.SendMessageAsync(new ConsolidationRequest(unitId).ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    private void Forget(string unitId, Sent sent)
    {
        lock (_lock)
        {
            if (_sent.TryGetValue(unitId, out var current) && ReferenceEquals(current, sent))
            {
                _sent.Remove(unitId);
            }
        }
    }

    /// <summary>Entries older than the window cover nothing: dropped (under the lock) so the map holds the units of the last seconds.</summary>
    private void Prune(DateTimeOffset cutoff)
    {
        if (_sent.Count < 256)
        {
            return;
        }

        foreach (var stale in _sent.Where(s => s.Value.StartedAt < cutoff && s.Value.Done.Task.IsCompleted).Select(s => s.Key).ToList())
        {
            _sent.Remove(stale);
        }
    }

    /// <summary>A message of the unit: when its send started, and whether it is on the queue.</summary>
    private sealed class Sent(DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
