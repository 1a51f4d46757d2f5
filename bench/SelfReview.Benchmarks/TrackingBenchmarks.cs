using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Consolidation;
using SelfReview.Pipeline.Exports;
using SelfReview.Pipeline.Storage;
using SelfReview.Pipeline.Tracking;

namespace SelfReview.Benchmarks;

/// <summary>
/// The XLSX round trip of a generated 40-member unit over the folder store: the tracked list exported
/// (the floor: what every download costs), and the whole round trip — the list read with its
/// tracking, exported, then the sheet with 完成情况 and 整改进展 edited on every row imported back,
/// each row's tracking written If-Match. The tracking folder is emptied before each iteration, so every
/// import writes every row.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class TrackingBenchmarks
{
    private const string Unit = "unit-40";

    private ServiceProvider _services = null!;
    private string _root = null!;
    private FolderStatementStore _store = null!;
    private RectificationTracker _tracker = null!;
    private ListImporter _importer = null!;
    private XlsxExporter _xlsx = null!;
    private RectificationList _list = null!;
    private byte[] _edited = [];

    [GlobalSetup]
    public void Setup()
    {
        _services = Corpus.Engine();
        var records = Corpus.Records(_services.GetRequiredService<StatementProcessor>(), 40);
        var report = _services.GetRequiredService<UnitConsolidator>().Consolidate(Unit, records);
        (_list, _) = RowReconciler.Reconcile(report.Rectifications, null, DateTimeOffset.UnixEpoch);
        _root = Directory.CreateTempSubdirectory("selfreview-bench-").FullName;
        _store = new FolderStatementStore(_root);
        _store.PutReportAsync(Unit, ReportFormats.ListJson.Name, ReportFormats.JsonType, SelfReviewJson.Serialize(_list, SelfReviewJson.RectificationList), WriteCondition.Always).GetAwaiter().GetResult();
        _tracker = new RectificationTracker(_store, TimeProvider.System);
        _importer = new ListImporter(_tracker);
        _xlsx = _services.GetRequiredService<XlsxExporter>();
        _edited = Edit(_xlsx.Export(_list));
        Console.WriteLine($"// 40 members: {records.Count(r => r.Status == RecordStatus.Accepted)} accepted statements, {_list.Rows.Count} rows ({_list.Rows.Count(r => r.Common)} common), XLSX {_edited.Length / 1024} KB");
    }

    [IterationSetup]
    public void ClearTracking()
    {
        var tracking = Path.Combine(_root, StorageLayout.TrackingContainer);
        if (Directory.Exists(tracking))
        {
            Directory.Delete(tracking, recursive: true);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int ExportTrackedXlsx()
    {
        var tracked = _tracker.GetListAsync(Unit).GetAwaiter().GetResult()!;
        return _xlsx.Export(tracked.List, DueRowFinder.Find(tracked.List, new DateOnly(2025, 3, 1), DueRowFinder.DefaultDays)).Length;
    }

    [Benchmark]
    public int RoundTrip()
    {
        var tracked = _tracker.GetListAsync(Unit).GetAwaiter().GetResult()!;
        _ = _xlsx.Export(tracked.List, DueRowFinder.Find(tracked.List, new DateOnly(2025, 3, 1), DueRowFinder.DefaultDays));
        var (report, error) = _importer.ImportAsync(Unit, "edited.xlsx", _edited, "bench", maySignOff: false).GetAwaiter().GetResult();
        return report?.Changed.Count ?? throw new InvalidOperationException(error);
    }

    /// <summary>Every data line's 完成情况 set to 推进中 and its 整改进展 typed in, as inline strings (as WPS saves typed text).</summary>
    private static byte[] Edit(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "整改清单");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
            var rows = part.Worksheet.Descendants<Row>().ToList();
            var header = rows.Single(r => r.RowIndex!.Value == 2).Elements<Cell>().ToList();
            string Column(string name) => new([.. header.Single(c => strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] == name).CellReference!.Value!.TakeWhile(char.IsAsciiLetter)]);
            var status = Column("完成情况");
            var progress = Column(RectificationColumns.ProgressHeader);
            foreach (var row in rows.Where(r => r.RowIndex!.Value > 2 && r.Elements<Cell>().Count() > 1))
            {
                foreach (var (column, text) in new[] { (status, "推进中"), (progress, "已制定整改方案并推进") })
                {
                    var cell = row.Elements<Cell>().Single(c => c.CellReference == column + row.RowIndex!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    cell.CellValue = null;
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text));
                }
            }

            part.Worksheet.Save();
        }

        return stream.ToArray();
    }
}
