namespace SelfReview.Functions;

/// <summary>The app's storage queues (created by the Bicep deployment, and by the app at start when missing).</summary>
public static class QueueNames
{
    /// <summary>Event Grid <c>Microsoft.Storage.BlobCreated</c> events of the statements container.</summary>
    public const string StatementEvents = "statement-events";

    /// <summary>Requests to consolidate a unit: <c>{"unitId":"…"}</c>, sent with a visibility delay.</summary>
    public const string UnitConsolidation = "unit-consolidation";

    /// <summary>
    /// host.json <c>extensions.queues.maxDequeueCount</c>: the attempt that sees this dequeue count is the last
    /// before the message goes to the poison queue. A test keeps the two equal.
    /// </summary>
    public const int MaxDequeueCount = 5;

    public static IReadOnlyList<string> All { get; } = [StatementEvents, UnitConsolidation];
}
