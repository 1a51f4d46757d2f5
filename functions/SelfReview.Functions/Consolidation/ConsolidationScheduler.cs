using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using SelfReview.Pipeline.Consolidation;

namespace SelfReview.Functions.Consolidation;

/// <summary>
/// Asks for a unit to be consolidated: a message on <c>unit-consolidation</c>, invisible for
/// <see cref="ConsolidationOptions.DelaySeconds"/>, so that the uploads of a burst are all recorded by
/// the time it runs (and later requests of the burst find the reports up to date).
/// </summary>
public sealed class ConsolidationScheduler(QueueServiceClient queues, IOptions<ConsolidationOptions> options) : IConsolidationScheduler
{
    private readonly QueueClient _queue = queues.GetQueueClient(QueueNames.UnitConsolidation);

    public async Task RequestAsync(string unitId, CancellationToken cancellationToken = default)
    {
        var delay = TimeSpan.FromSeconds(options.Value.DelaySeconds);
        await _queue.SendMessageAsync(new ConsolidationRequest(unitId).ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
