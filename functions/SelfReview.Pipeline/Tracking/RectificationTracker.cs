using System.Globalization;
using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Pipeline.Tracking;

/// <summary>
/// Tracking of the rectification list after it exists (整改台账): status, dated progress notes,
/// corrected owners, 销号. Changes go to the row's own document (<see cref="TrackingStore"/>), written
/// If-Match the version read, so two people editing one row at once never lose an update: with the
/// caller's If-Match a stale edit is refused (<see cref="RowUpdate.Stale"/>); without one the change is
/// re-applied to the newer version. The derived list is never touched: tracking is merged in when read.
/// </summary>
public sealed class RectificationTracker(IStatementStore store, TimeProvider time)
{
    /// <summary>The entity tag of a row nobody has tracked yet (If-Match it to create the first version).</summary>
    public const string UntrackedETag = "\"0\"";

    /// <summary>The longest progress note kept (a few paragraphs; the evidence carries the documents).</summary>
    public const int MaxNoteLength = 2000;

    private const int MaxAttempts = 8;

    private readonly TrackingStore _tracking = new(store);

    private readonly TrackingSummaryWriter _summary = new(store);

    /// <summary>The list with every row's tracking merged in, or null before the unit has a list.</summary>
    public async Task<TrackedList?> GetListAsync(string unitId, CancellationToken cancellationToken = default)
    {
        if (await store.GetReportAsync(unitId, ReportFormats.ListJson.Name, cancellationToken) is not { } file)
        {
            return null;
        }

        var list = SelfReviewJson.Deserialize(file.Content, SelfReviewJson.RectificationList);
        var tracked = await _tracking.GetRowsAsync(unitId, cancellationToken);
        var merged = list with { Rows = [.. list.Rows.Select(r => tracked.TryGetValue(r.RowId, out var t) ? Merge(r, t.Tracking) : r)] };
        var tags = list.Rows.Where(r => r.RowId.Length > 0).ToDictionary(r => r.RowId, r => tracked.TryGetValue(r.RowId, out var t) ? t.ETag : UntrackedETag, StringComparer.Ordinal);
        return new TrackedList(merged, tags);
    }

    /// <summary>A row with its tracking: status (已撤销 stays for a withdrawn row), latest progress, 销号, evidence count, corrected owners.</summary>
    public static RectificationRow Merge(RectificationRow row, RowTracking? tracking)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (tracking is null)
        {
            return row;
        }

        var latest = tracking.Progress.LastOrDefault(p => !string.IsNullOrEmpty(p.Note));
        return row with
        {
            Status = row.Withdrawn ? TrackingStatuses.Withdrawn : tracking.Status,
            LatestProgress = latest?.Note,
            LatestProgressAt = latest?.At,
            SignedOffOn = tracking.SignedOffOn,
            SignedOffBy = tracking.SignedOffBy,
            EvidenceCount = tracking.Evidence.Count,
            Owners = tracking.Owners ?? row.Owners,
        };
    }

    /// <summary>The row's tracking document (an empty one when nobody tracked it yet) and its entity tag.</summary>
    public async Task<(RowTracking Tracking, string ETag)> GetRowAsync(string unitId, string rowId, CancellationToken cancellationToken = default)
    {
        var (tracking, eTag) = await _tracking.GetRowAsync(unitId, rowId, cancellationToken);
        return (tracking ?? new RowTracking { UnitId = unitId, RowId = rowId }, eTag ?? UntrackedETag);
    }

    /// <summary>
    /// Applies <paramref name="change"/> by <paramref name="actor"/>. <paramref name="ifMatch"/> (the row's entity tag
    /// the caller last saw) makes the change conditional; <paramref name="maySignOff"/> says whether the caller
    /// is the unit's administrator, who alone signs rows off (销号) or reopens signed-off ones.
    /// </summary>
    public async Task<RowUpdate> UpdateAsync(string unitId, string rowId, RowChange change, string actor, string? ifMatch, bool maySignOff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Validate(change) is { } reason)
        {
            return new RowUpdate.Invalid(reason);
        }

        if (!RowIdentity.IsValid(rowId) || await GetListAsync(unitId, cancellationToken) is not { } list || list.List.Rows.FirstOrDefault(r => r.RowId == rowId) is not { } row)
        {
            return new RowUpdate.UnknownRow();
        }

        return await ApplyAsync(unitId, row, change, actor, ifMatch, maySignOff, cancellationToken);
    }

    /// <summary>
    /// As <see cref="UpdateAsync"/>, for a row the caller already read from <see cref="GetListAsync"/> (an import
    /// applies hundreds of lines: the list is read once, not once per line).
    /// </summary>
    public async Task<RowUpdate> ApplyAsync(string unitId, RectificationRow row, RowChange change, string actor, string? ifMatch, bool maySignOff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(change);
        if (Validate(change) is { } reason)
        {
            return new RowUpdate.Invalid(reason);
        }

        if (row.Withdrawn)
        {
            return new RowUpdate.WithdrawnRow();
        }

        var rowId = row.RowId;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (stored, storedTag) = await _tracking.GetRowAsync(unitId, rowId, cancellationToken);
            var current = stored ?? new RowTracking { UnitId = unitId, RowId = rowId };
            var currentTag = storedTag ?? UntrackedETag;
            if (ifMatch is not null && ifMatch != currentTag)
            {
                return new RowUpdate.Stale(currentTag);
            }

            var touchesSignOff = change.Status is { } s && s != current.Status && (s == TrackingStatuses.SignedOff || current.Status == TrackingStatuses.SignedOff);
            if (touchesSignOff && !maySignOff)
            {
                return new RowUpdate.NeedsSignOffRight();
            }

            var next = Apply(current, change, actor);
            if (next is null)
            {
                return new RowUpdate.Updated(Merge(row, current), current, currentTag, Changed: false);
            }

            if (await _tracking.PutRowAsync(next, storedTag, cancellationToken) is { } written)
            {
                var merged = Merge(row, next);
                // The unit's tracking summary (what rollups read) follows the row's document.
                await _summary.UpdateRowAsync(unitId, merged, cancellationToken);
                return new RowUpdate.Updated(merged, next, written, Changed: true);
            }

            if (ifMatch is not null)
            {
                return new RowUpdate.Stale((await _tracking.GetRowAsync(unitId, rowId, cancellationToken)).ETag ?? UntrackedETag);
            }
        }

        // Eight writers in a row won the race: report it as a conflict rather than spin.
        return new RowUpdate.Stale((await _tracking.GetRowAsync(unitId, rowId, cancellationToken)).ETag ?? UntrackedETag);
    }

    /// <summary>Records an evidence file stored under the row (name, size, sniffed type, hash, who, when). Retries on a concurrent change.</summary>
    public async Task<RowTracking> AddEvidenceAsync(string unitId, string rowId, EvidenceFile evidence, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (stored, storedTag) = await _tracking.GetRowAsync(unitId, rowId, cancellationToken);
            var current = stored ?? new RowTracking { UnitId = unitId, RowId = rowId };
            var next = current with { Evidence = [.. current.Evidence.Where(e => e.Name != evidence.Name), evidence] };
            if (await _tracking.PutRowAsync(next, storedTag, cancellationToken) is not null)
            {
                return next;
            }
        }
    }

    /// <summary>Why a change cannot be applied (in Chinese), or null.</summary>
    public static string? Validate(RowChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Status is null && change.Note is null && change.Owners is null)
        {
            return "请求中没有要修改的内容：请给出 status（完成情况）或 note（整改进展）";
        }

        if (change.Status is { } status && !TrackingStatuses.IsValid(status))
        {
            return $"完成情况“{status}”无效：只能是{string.Join("、", TrackingStatuses.All)}之一";
        }

        if (change.Note is { Length: > MaxNoteLength })
        {
            return $"整改进展过长：最多 {MaxNoteLength.ToString(CultureInfo.InvariantCulture)} 个字";
        }

        if (change.Owners is { } owners && (owners.Count == 0 || owners.Count > 20 || owners.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > 40)))
        {
            return "责任人无效：请填写 1 至 20 个姓名，每个不超过 40 个字";
        }

        return null;
    }

    /// <summary>The next version of the tracking, or null when the change changes nothing.</summary>
    private RowTracking? Apply(RowTracking current, RowChange change, string actor)
    {
        var now = time.GetUtcNow();
        var note = change.Note?.Trim() is { Length: > 0 } n ? n : null;
        var status = change.Status is { } s && s != current.Status ? s : null;
        var owners = change.Owners is { } o && !o.SequenceEqual(current.Owners ?? []) ? o.Select(x => x.Trim()).ToList() : null;
        if (note is null && status is null && owners is null)
        {
            return null;
        }

        var next = current with { Owners = owners ?? current.Owners };
        if (note is not null || status is not null)
        {
            next = next with { Progress = [.. current.Progress, new ProgressEntry { At = now, By = actor, Note = note, Status = status }] };
        }

        if (status is not null)
        {
            var signedOff = status == TrackingStatuses.SignedOff;
            next = next with
            {
                Status = status,
                SignedOffOn = signedOff ? DateOnly.FromDateTime(time.GetLocalNow().DateTime) : null,
                SignedOffBy = signedOff ? actor : null,
            };
        }

        return next;
    }
}
