namespace SelfReview.Pipeline.Consolidation;

/// <summary>
/// Asks for a unit to be consolidated a little later, so that a burst of uploads is consolidated once:
/// a storage-queue message with a visibility delay in Azure, a debounced in-process timer on one machine.
/// </summary>
public interface IConsolidationScheduler
{
    Task RequestAsync(string unitId, CancellationToken cancellationToken = default);
}
