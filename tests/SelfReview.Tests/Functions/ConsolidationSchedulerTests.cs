using Microsoft.Extensions.Options;
using SelfReview.Functions;
using SelfReview.Functions.Consolidation;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Tests.Azurite;

namespace SelfReview.Tests.Functions;

/// <summary>Requests of one unit made just after a message was sent are covered by it; later ones, other units' and failed sends are not.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ConsolidationSchedulerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_burst_of_requests_of_one_unit_sends_one_message()
    {
        var (scheduler, _) = await StartAsync(delaySeconds: 10);

        await Parallel.ForEachAsync(Enumerable.Range(0, 40), async (_, ct) => await scheduler.RequestAsync("burst-a", ct));

        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Requests_after_the_window_and_of_other_units_send_their_own()
    {
        var (scheduler, clock) = await StartAsync(delaySeconds: 10);
        Assert.Equal(TimeSpan.FromSeconds(3), scheduler.CoalescingWindow);

        await scheduler.RequestAsync("unit-a");
        clock.Advance(TimeSpan.FromSeconds(2.9));
        await scheduler.RequestAsync("unit-a"); // covered: inside the window
        await scheduler.RequestAsync("unit-b"); // another unit
        clock.Advance(TimeSpan.FromSeconds(0.2));
        await scheduler.RequestAsync("unit-a"); // 3.1 s after the first send: a message of its own

        Assert.Equal(3, await CountAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task With_a_short_delay_every_request_sends(int delaySeconds)
    {
        // A message run at once (or answered by reports listed a few seconds after it) cannot cover a later record.
        var (scheduler, _) = await StartAsync(delaySeconds);
        Assert.Equal(TimeSpan.Zero, scheduler.CoalescingWindow);

        for (var i = 0; i < 3; i++)
        {
            await scheduler.RequestAsync("unit-a");
        }

        // Visible at once with no delay: count before anything could take them.
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task A_failed_send_covers_nothing()
    {
        var (scheduler, _) = await StartAsync(delaySeconds: 10);
        await azurite.Queues.GetQueueClient(QueueNames.UnitConsolidation).DeleteIfExistsAsync();

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => scheduler.RequestAsync("unit-a"));
        await azurite.Queues.GetQueueClient(QueueNames.UnitConsolidation).CreateIfNotExistsAsync();
        await scheduler.RequestAsync("unit-a"); // same instant: the failed send must not answer it

        Assert.Equal(1, await CountAsync());
    }

    private async Task<(ConsolidationScheduler Scheduler, ManualClock Clock)> StartAsync(int delaySeconds)
    {
        var queue = azurite.Queues.GetQueueClient(QueueNames.UnitConsolidation);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        return (new ConsolidationScheduler(azurite.Queues, Options.Create(new ConsolidationOptions { DelaySeconds = delaySeconds }), clock), clock);
    }

    private async Task<int> CountAsync() =>
        (await azurite.Queues.GetQueueClient(QueueNames.UnitConsolidation).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
