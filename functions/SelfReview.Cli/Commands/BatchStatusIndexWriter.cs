using System.Collections.Concurrent;
using SelfReview.Contracts;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Commands;

/// <summary>
/// A batch writes each unit's status index once at its end: lines are collected as records are written,
/// then merged into the index in one conditional write per unit (a rewrite of the index per file would
/// make a batch of n files write n²/2 lines).
/// </summary>
public sealed class BatchStatusIndexWriter(UnitStatusIndexer indexer) : IStatusIndexWriter
{
    private readonly ConcurrentDictionary<(string Unit, string Id), StatusIndexEntry> _lines = new();

    public Task RecordAsync(StatementRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        _lines[(record.UnitId, record.StatementId)] = StatusIndexEntry.Of(record);
        return Task.CompletedTask;
    }

    /// <summary>Merges the collected lines into each unit's index.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var unit in _lines.GroupBy(p => p.Key.Unit, StringComparer.Ordinal))
        {
            await indexer.RecordAsync(unit.Key, [.. unit.Select(p => p.Value)], cancellationToken);
        }

        _lines.Clear();
    }
}
