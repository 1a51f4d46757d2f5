using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Tracking;
using SelfReview.Tests.Exports;

namespace SelfReview.Tests.Tracking;

/// <summary>
/// The tracked XLSX of the 40-member unit printed by LibreOffice: the new columns (整改进展, 销号) in the
/// print area with their text, the hidden 行标识 not printed, and the 到期提醒 sheet with its rows.
/// Pages kept under artifacts/render/tracked-xlsx/ to be looked at.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TrackedExportRenderTests
{
    [Fact]
    public async Task TrackedXlsx_PrintsProgressSignOffAndTheRemindersSheet_WithoutTheRowIds()
    {
        var report = await FortyMemberUnit.ReportAsync();
        var (list, _) = RowReconciler.Reconcile(report.Rectifications, null, DateTimeOffset.UnixEpoch);
        var at = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var tracked = list with
        {
            Rows = [.. list.Rows.Select((r, i) => RectificationTracker.Merge(r, (i % 3) switch
            {
                0 => new RowTracking { UnitId = list.UnitId, RowId = r.RowId, Status = TrackingStatuses.InProgress, Progress = [new ProgressEntry { At = at, By = "user:office", Note = "已召开专题会议研究部署" + (i + 1) }] },
                1 => new RowTracking { UnitId = list.UnitId, RowId = r.RowId, Status = TrackingStatuses.SignedOff, SignedOffOn = new DateOnly(2025, 3, 1), SignedOffBy = "书记" },
                _ => null,
            }))],
        };
        // Three days after the earliest open deadline: at least one row is overdue.
        var today = tracked.Rows.Where(r => !TrackingStatuses.IsCompleted(r.Status) && r.DueDate is not null).Min(r => r.DueDate)!.Value.AddDays(3);
        var due = DueRowFinder.Find(tracked, today, DueRowFinder.DefaultDays);
        var xlsx = Engine.Get<XlsxExporter>().Export(tracked, due);

        var rendered = (await LibreOfficeRenderer.RenderAsync("tracked-xlsx", new Dictionary<string, byte[]> { ["tracked.xlsx"] = xlsx }, pngPages: 200))["tracked"];

        Assert.Contains("已召开专题会议研究部署1", rendered.Compact, StringComparison.Ordinal);
        Assert.Contains("2025年3月1日书记", rendered.Compact, StringComparison.Ordinal);
        Assert.DoesNotContain(tracked.Rows[0].RowId, rendered.Text, StringComparison.Ordinal);
        Assert.Contains("整改到期提醒（会议日期：2025年1月20日", rendered.Compact, StringComparison.Ordinal);
        Assert.NotEmpty(due.Overdue);
        Assert.Contains("超期", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("剩余天数", rendered.Compact, StringComparison.Ordinal);
        Assert.NotEmpty(rendered.PagePngs);
    }
}
