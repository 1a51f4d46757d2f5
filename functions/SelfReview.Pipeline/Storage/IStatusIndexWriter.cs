using SelfReview.Contracts;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// The seam where a written record reaches the unit's status index: at once and under ETag conditions in
/// the hosts (<see cref="UnitStatusIndexer"/>), once at the end of a batch on the command line.
/// </summary>
public interface IStatusIndexWriter
{
    /// <summary>Adds or replaces the record's line in its unit's status index (after the record was written).</summary>
    Task RecordAsync(StatementRecord record, CancellationToken cancellationToken = default);
}
