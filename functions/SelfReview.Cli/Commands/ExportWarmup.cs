using SelfReview.Contracts;
using SelfReview.Pipeline.Exports;

namespace SelfReview.Cli.Commands;

/// <summary>
/// The Open XML SDK costs a fresh process a few hundred milliseconds the first time it writes a workbook or a
/// document (type loading, its feature tables, code ReadyToRun could not compile ahead). <c>process</c>
/// pays that on a second core while the first reads and analyses the inputs, by rendering an empty list
/// once; the unit's real reports then find it warm. Only output bytes are thrown away; nothing is written.
/// </summary>
public static class ExportWarmup
{
    public static Task StartAsync() => Task.Run(() =>
    {
        var empty = new RectificationList { UnitId = "warmup", Title = "整改清单" };
        new XlsxExporter().Export(empty);
        new DocxExporter().Export(empty);
    });
}
