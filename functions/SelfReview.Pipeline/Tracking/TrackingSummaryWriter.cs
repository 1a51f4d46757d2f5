using System.Text.Json;
using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Pipeline.Tracking;

/// <summary>
/// Keeps <c>tracking/{unitId}/summary.json</c> (<see cref="TrackingSummary"/>): each row's category, status
/// and due date, so a rollup over hundreds of units reads one small document per unit instead of every
/// row's tracking document. Rebuilt from the list and the row documents when consolidation publishes a
/// list; a row change replaces its own entry. Every write is If-Match the version read before the sources
/// were read (If-None-Match: * when new), and retried when another writer got in between: a rebuild that
/// read a row before its change cannot overwrite the entry that change wrote afterwards.
/// </summary>
public sealed class TrackingSummaryWriter(IStatementStore store)
{
    public const string Name = "summary.json";

    private const int MaxAttempts = 16;

    private readonly TrackingStore _tracking = new(store);

    /// <summary>The summary of a list with its tracking merged in.</summary>
    public static TrackingSummary Of(RectificationList tracked)
    {
        ArgumentNullException.ThrowIfNull(tracked);
        return new TrackingSummary
        {
            UnitId = tracked.UnitId,
            Rows = [.. tracked.Rows.Select(Entry)],
        };
    }

    /// <summary>The stored summary, or null when there is none or it cannot be read.</summary>
    public async Task<TrackingSummary?> GetAsync(string unitId, CancellationToken cancellationToken = default) =>
        Read(await store.GetTrackingAsync(unitId, Name, cancellationToken));

    /// <summary>
    /// The stored summary; when there is none (a unit tracked before summaries existed) or it is unreadable,
    /// it is rebuilt from the list and the row documents once and written. Null when the unit has no list.
    /// </summary>
    public async Task<TrackingSummary?> GetOrRebuildAsync(string unitId, CancellationToken cancellationToken = default) =>
        await GetAsync(unitId, cancellationToken) ?? await RebuildAsync(unitId, cancellationToken);

    /// <summary>Recomputes the summary from the list and every row's tracking and writes it. Null when the unit has no list.</summary>
    public async Task<TrackingSummary?> RebuildAsync(string unitId, CancellationToken cancellationToken = default)
    {
        TrackingSummary? summary = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // The version first, then the sources: a change that lands after the sources were read moves the version.
            var current = await store.GetTrackingAsync(unitId, Name, cancellationToken);
            if (await ReadListAsync(unitId, cancellationToken) is not { } list)
            {
                return null;
            }

            summary = Of(list);
            var bytes = SelfReviewJson.Serialize(summary, SelfReviewJson.TrackingSummary);
            if (current is not null && current.Content.AsSpan().SequenceEqual(bytes))
            {
                return summary;
            }

            if (await store.PutTrackingAsync(unitId, Name, ReportFormats.JsonType, bytes, WriteCondition.Expecting(current?.ETag), cancellationToken) is not null)
            {
                return summary;
            }

            await Task.Delay(Random.Shared.Next(5, 30), cancellationToken);
        }

        return summary; // sixteen writers in a row won: theirs is as new as this one
    }

    /// <summary>Replaces the entry of one row (its tracking merged in) after its tracking changed.</summary>
    public async Task UpdateRowAsync(string unitId, RectificationRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var file = await store.GetTrackingAsync(unitId, Name, cancellationToken);
            if (Read(file) is not { } summary || summary.Rows.All(r => r.RowId != row.RowId))
            {
                await RebuildAsync(unitId, cancellationToken);
                return;
            }

            var next = summary with { Rows = [.. summary.Rows.Select(r => r.RowId == row.RowId ? Entry(row) : r)] };
            if (await store.PutTrackingAsync(unitId, Name, ReportFormats.JsonType, SelfReviewJson.Serialize(next, SelfReviewJson.TrackingSummary), WriteCondition.IfMatch(file!.ETag), cancellationToken) is not null)
            {
                return;
            }

            await Task.Delay(Random.Shared.Next(5, 30), cancellationToken);
        }
    }

    private async Task<RectificationList?> ReadListAsync(string unitId, CancellationToken cancellationToken)
    {
        if (await store.GetReportAsync(unitId, ReportFormats.ListJson.Name, cancellationToken) is not { } file)
        {
            return null;
        }

        var list = SelfReviewJson.Deserialize(file.Content, SelfReviewJson.RectificationList);
        var tracked = await _tracking.GetRowsAsync(unitId, cancellationToken);
        return list with { Rows = [.. list.Rows.Select(r => tracked.TryGetValue(r.RowId, out var t) ? RectificationTracker.Merge(r, t.Tracking) : r)] };
    }

    private static TrackedRowStatus Entry(RectificationRow row) => new()
    {
        RowId = row.RowId,
        Category = row.Category,
        Status = row.Status,
        DueDate = row.DueDate,
        Withdrawn = row.Withdrawn,
    };

    private static TrackingSummary? Read(StoredFile? file)
    {
        try
        {
            return file is null ? null : SelfReviewJson.Deserialize(file.Content, SelfReviewJson.TrackingSummary);
        }
        catch (JsonException)
        {
            return null; // rebuilt from the sources
        }
    }
}
