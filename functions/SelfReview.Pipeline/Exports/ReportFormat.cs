namespace SelfReview.Pipeline.Exports;

/// <summary>One kind of report file: its stored name, content type and the name a download gets.</summary>
/// <param name="Name">The stored name under <c>reports/{unitId}/</c> (ASCII: it is a blob name and a URL segment).</param>
/// <param name="ContentType">The media type it is stored and served with.</param>
/// <param name="DownloadName">The Chinese file name offered on download, before the unit id is put in.</param>
public sealed record ReportFormat(string Name, string ContentType, string DownloadName)
{
    /// <summary>The extension without the dot (json, md, csv, xlsx, docx).</summary>
    public string Extension => Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>The download name for a unit: 整改清单-{unitId}.xlsx.</summary>
    public string DownloadNameFor(string unitId) => DownloadName + "-" + unitId + "." + Extension;
}
